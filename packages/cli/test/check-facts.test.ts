import { DEFAULT_TOKEN, SERVERS, startEmulator, type Emulator } from '@ecs-resize/emulator';
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, tokenEnv } from './helpers/cli.js';
import { cliWithStdin } from './helpers/cli-stdin.js';

let emulator: Emulator;
let dir: string;

beforeAll(async () => {
  emulator = await startEmulator();
  dir = await mkdtemp(join(tmpdir(), 'check-facts-'));
});
afterAll(async () => {
  await emulator?.close();
  await rm(dir, { recursive: true, force: true });
});

let files = 0;
/** Writes `content` (a document as JSON, or raw text) to a new file and returns its path. */
async function fileOf(content: unknown): Promise<string> {
  const path = join(dir, `facts-${(files += 1)}.json`);
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

/** What `check --json` prints: the ids, the verdict, the report and the facts. */
interface CheckJson {
  serverId: string;
  flavorRef: string;
  ok: boolean;
  report: { findings: { severity: string; ruleId: string; messageId: string; message: string }[] };
  facts: Record<string, unknown>;
}

/** The facts `check <server> <flavor> --json` collected from the emulator, with its output. */
async function liveCheck(args: readonly string[]) {
  const { code, stdout } = await cli(['check', ...args, '--json'], tokenEnv(emulator));
  return { code, document: JSON.parse(stdout) as CheckJson };
}

describe.concurrent('check --facts checks facts without the API, with the output and exit code of check', () => {
  it.each([
    { name: 'a resize that passes', args: [SERVERS.kvmStopped, 's3.xlarge.2'], code: 0 },
    { name: 'a running server', args: [SERVERS.kvmRunning, 's3.xlarge.2'], code: 1 },
    { name: 'KVM to Xen', args: [SERVERS.kvmStopped, 's1.large'], code: 1 },
    { name: 'Xen to KVM, drivers not confirmed', args: [SERVERS.xenDrivers, 's3.large.2'], code: 1 },
    { name: 'a yearly/monthly server with --auto-pay', args: [SERVERS.prepaid, 's3.xlarge.2', '--auto-pay'], code: 0 },
  ])('$name: the facts of check --json give the same report, with no environment at all', async ({ args, code }) => {
    const live = await liveCheck(args);
    const path = await fileOf(live.document.facts);
    const fromFile = await cli(['check', '--facts', path, '--json'], {});
    const fromStdin = await cliWithStdin(['check', '--facts', '-', '--json'], { text: JSON.stringify(live.document.facts) }, {});
    expect(live.code).toBe(code);
    for (const run of [fromFile, fromStdin]) {
      expect(run.code).toBe(code);
      expect(JSON.parse(run.stdout)).toEqual(live.document);
    }
    const text = await cli(['check', '--facts', path], {});
    const liveText = await cli(['check', ...args], tokenEnv(emulator));
    expect(text.stdout.split('\n').slice(0, 4)).toEqual(liveText.stdout.split('\n').slice(0, 4));
  });

  it.each([
    { name: '--confirm adds a confirmation', confirmations: undefined, flags: ['--confirm', 'xen-to-kvm-drivers'], code: 0 },
    { name: "the file's true stays without --confirm", confirmations: { xenToKvmDrivers: true }, flags: [], code: 0 },
    {
      name: "--confirm wins over the file's false",
      confirmations: { xenToKvmDrivers: false },
      flags: ['--confirm', 'xen-to-kvm-drivers'],
      code: 0,
    },
    { name: "the file's false stays without --confirm", confirmations: { xenToKvmDrivers: false }, flags: [], code: 1 },
    {
      name: "--confirm keeps the file's other keys",
      confirmations: { xenToKvmDrivers: true, h1Drivers: false },
      flags: ['--confirm', 'h1-drivers'],
      code: 0,
    },
  ])('$name', async ({ confirmations, flags, code }) => {
    const { document } = await liveCheck([SERVERS.xenDrivers, 's3.large.2']);
    const facts = { ...document.facts, confirmations };
    const { code: exit, stdout } = await cli(['check', '--facts', await fileOf(facts), '--json', ...flags], {});
    expect(exit).toBe(code);
    const seen = (JSON.parse(stdout) as CheckJson).facts['confirmations'] as Record<string, boolean>;
    for (const key of Object.keys(confirmations ?? {})) expect(Object.hasOwn(seen, key)).toBe(true);
  });

  it('a hint names --confirm only: the facts say the rest of the request', async () => {
    const { document } = await liveCheck([SERVERS.kvmRunning, 's3.xlarge.2']);
    const { code, stdout } = await cli(['check', '--facts', await fileOf(document.facts)], {});
    expect(code).toBe(1);
    expect(stdout).toContain('error  server-stopped');
    expect(stdout).not.toContain('--mode');
  });
});

describe.concurrent('check --facts refuses bad facts with exit 2, naming the field', () => {
  const server = { id: 'a', status: 'SHUTOFF', flavor: { id: 's3.large.2' }, disks: [] };
  const deep = `{"server":${JSON.stringify(server).slice(0, -1)},"x":${'['.repeat(200)}${']'.repeat(200)}},"target":{"id":"s3.xlarge.2"}}`;
  it.each<{ name: string; content: () => Promise<string>; says: string[] }>([
    { name: 'not JSON', content: () => fileOf('server=a'), says: ['--facts ', 'the facts document is not JSON'] },
    {
      name: 'JSON null',
      content: () => fileOf('null'),
      says: ['these are not resize facts', 'Expected Object but received null'],
    },
    { name: 'a JSON array', content: () => fileOf('[]'), says: ['these are not resize facts'] },
    { name: 'a JSON number', content: () => fileOf('7'), says: ['these are not resize facts'] },
    { name: 'nesting 200 deep', content: () => fileOf(deep), says: ['the facts document nests deeper than 128 levels'] },
    {
      name: 'a 70 MB file',
      content: async () => {
        const path = await fileOf('');
        await truncate(path, 70 * 2 ** 20);
        return path;
      },
      says: ['the facts document is larger than 1 MiB'],
    },
    { name: 'no target', content: () => fileOf({ server }), says: ['  target: '] },
    {
      name: 'a status that is a number',
      content: () => fileOf({ server: { ...server, status: 5 }, target: { id: 'x' } }),
      says: ['  server.status: '],
    },
    {
      name: 'a disk of an unknown type',
      content: () => fileOf({ server: { ...server, disks: [{ id: 'd', type: 'NVMe' }] }, target: { id: 'x' } }),
      says: ['  server.disks.0.type: must be "VBD" or "SCSI"'],
    },
    {
      name: 'confirmations that are not booleans',
      content: () => fileOf({ server, target: { id: 'x' }, confirmations: { xenToKvmDrivers: 'yes' } }),
      says: ['  confirmations.xenToKvmDrivers: must be a boolean'],
    },
    { name: 'a missing file', content: async () => join(dir, 'none.json'), says: ['cannot read the facts document: ENOENT'] },
  ])('$name', async ({ content, says }) => {
    const { code, stdout, stderr } = await cli(['check', '--facts', await content()], {});
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toMatch(/^error: --facts /);
    for (const text of says) expect(stderr).toContain(text);
    expect(stderr).not.toContain('    at ');
  });

  it('an endless stdin ends with exit 2 at the cap, not a hang', async () => {
    const { code, stderr } = await cliWithStdin(['check', '--facts', '-'], 'endless', {});
    expect([code, stderr]).toEqual([
      2,
      'error: --facts - (stdin): the facts document is larger than 1 MiB; nothing was checked.\n',
    ]);
  });

  it.each([
    {
      name: 'positional arguments',
      args: ['check', 'a', '--facts', 'f.json'],
      says: 'too many arguments. Usage: ecs-resize check --facts <facts.json|->',
    },
    {
      name: '--mode',
      args: ['check', '--facts', 'f.json', '--mode', 'withStopServer'],
      says: '--mode does not go with --facts: the facts say it',
    },
    {
      name: '--dedicated-host',
      args: ['check', '--facts', 'f.json', '--dedicated-host', 'h'],
      says: '--dedicated-host does not go with --facts',
    },
    { name: 'a misspelt --fact', args: ['check', '--fact', 'f.json'], says: 'Did you mean --facts?' },
  ])('$name: a usage error', async ({ args, says }) => {
    const { code, stderr } = await cli(args, {});
    expect([code, stderr]).toEqual([2, expect.stringContaining(says)]);
  });
});

describe.concurrent('check --facts prints nothing the facts could use against the terminal or to leak', () => {
  const facts = (id: string) => ({
    server: { id, status: 'SHUTOFF', flavor: { id: 's3.large.2\u001b[2J' }, disks: [] },
    target: { id: 's3.xlarge.2\u202e' },
  });
  it.each([['text'], ['--json']])('escape sequences and bidi marks in the facts are removed (%s)', async (format) => {
    const args = [
      'check',
      '--facts',
      await fileOf(facts('web\u001b]0;pwned\u0007\u2066')),
      ...(format === 'text' ? [] : [format]),
    ];
    const { stdout, stderr } = await cli(args, {});
    for (const char of ['\u001b', '\u202e', '\u2066', '\u0007']) expect(`${stdout}${stderr}`).not.toContain(char);
  });

  it('a secret of the environment in the facts is masked', async () => {
    // `cli` fails the test when a secret of the environment appears in the output, in any form.
    const { stdout } = await cli(['check', '--facts', await fileOf(facts(DEFAULT_TOKEN)), '--json'], {
      OS_AUTH_TOKEN: DEFAULT_TOKEN,
    });
    expect(stdout).toContain('[redacted]');
  });
});

describe.concurrent('help check', () => {
  it.each([[['help', 'check']], [['check', '--help']]])('%j describes --terraform and --facts with examples', async (args) => {
    const { code, stdout } = await cli(args, {});
    expect(code).toBe(0);
    for (const text of [
      'Usage: ecs-resize check <server> <flavor> [flags]',
      '       ecs-resize check --terraform <plan.json|-> [flags]',
      '       ecs-resize check --facts <facts.json|-> [flags]',
      '  --terraform <plan.json|->',
      '  --facts <facts.json|->',
      'ecs-resize check --terraform plan.json',
      'ecs-resize check --facts facts.json',
    ])
      expect(stdout).toContain(text);
  });
});
