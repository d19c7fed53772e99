import { DEDICATED_HOST_ID, fleetData, SERVERS, startEmulator, type Emulator } from '@ecs-resize/emulator';
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CONFIG_BYTES } from '../src/config/rules-config-file.js';
import { MAX_FACTS_BYTES } from '../src/facts/check-facts-input.js';
import { MAX_FLEET_BYTES, MAX_FLEET_ITEMS } from '../src/fleet/read-fleet-file.js';
import { InterruptedError } from '../src/errors/InterruptedError.js';
import { runCli } from '../src/index.js';
import { shellQuote } from '../src/output/shell-quote.js';
import { MAX_PLAN_BYTES } from '../src/terraform/read-plan-file.js';
import { cli, spawnCli, tokenEnv, type CliResult } from './helpers/cli.js';
import { cliWithStdin } from './helpers/cli-stdin.js';

let dir: string;
let hostile: Emulator;
let env: Record<string, string>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bounded-files-'));
  hostile = await startEmulator();
  env = tokenEnv(hostile);
});
afterAll(async () => {
  // Not one request: every input below is refused before the API is asked anything.
  expect(hostile?.state.requests).toEqual([]);
  await hostile?.close();
  await rm(dir, { recursive: true, force: true });
});

let names = 0;
/** A new path in the test directory, ending in `extension`. */
const pathWith = (extension: string) => join(dir, `input-${(names += 1)}${extension}`);

/** One MiB of spaces: blank to every reader (JSON whitespace, blank CSV lines), so only a cap ends it. */
const FEEDER = `const out = require('node:fs').createWriteStream(process.argv[1]);
const spaces = Buffer.alloc(2 ** 20, 0x20);
const feed = () => { while (out.write(spaces)); };
out.on('drain', feed).on('error', () => process.exit(0));
feed();`;

/**
 * Runs the binary with `args(path)` where `path` is a FIFO a process of its own feeds spaces
 * into for as long as it is read; the feeder is ended with the run (by its pid).
 */
async function cliOverFifo(extension: string, args: (path: string) => string[]): Promise<CliResult> {
  const path = pathWith(extension);
  execFileSync('mkfifo', [path]);
  const feeder = spawn(process.execPath, ['-e', FEEDER, path], { stdio: 'ignore' });
  const exited = once(feeder, 'exit');
  try {
    return await cli(args(path), env, dir);
  } finally {
    feeder.kill();
    await exited;
  }
}

/** The hostile inputs: each makes a path for `extension` (or runs the binary over it). */
const HOSTILE = {
  'a 70 MB sparse file': async (extension: string) => {
    const path = pathWith(extension);
    await writeFile(path, '');
    await truncate(path, 70 * 2 ** 20);
    return path;
  },
  '/dev/zero': async (extension: string) => {
    const path = pathWith(extension);
    await symlink('/dev/zero', path);
    return path;
  },
  'a directory': async (extension: string) => {
    const path = pathWith(extension);
    await mkdir(path);
    return path;
  },
  'a file that is not UTF-8': async (extension: string) => {
    const path = pathWith(extension);
    const text = extension === '.csv' ? 'serverId,flavorRef\n\xff,s3.large.2\n' : '["\xff"]';
    await writeFile(path, Buffer.from(text, 'latin1'));
    return path;
  },
} as const;

type Hostile = keyof typeof HOSTILE | 'a FIFO fed forever';

/** The refusal of `what` beyond its cap of `maxBytes` (a whole number of MiB). */
const tooLarge = (what: string, maxBytes: number) => `${what} is larger than ${maxBytes / 2 ** 20} MiB; nothing was checked.`;

/** Each reader of a file the CLI is given, and what it says of each hostile input. */
const READERS: { reader: string; extension: string; args: (path: string) => string[]; says: Record<Hostile, string> }[] = [
  ...(['.csv', '.json'] as const).flatMap((extension) =>
    (['plan', 'apply'] as const).map((command) => ({
      reader: `fleet ${command} <file${extension}>`,
      extension,
      args: (path: string) => ['fleet', command, path],
      says: {
        'a 70 MB sparse file': tooLarge('the fleet file', MAX_FLEET_BYTES),
        '/dev/zero': tooLarge('the fleet file', MAX_FLEET_BYTES),
        'a FIFO fed forever': tooLarge('the fleet file', MAX_FLEET_BYTES),
        'a directory': 'cannot read the fleet file: EISDIR',
        'a file that is not UTF-8': 'the fleet file is not UTF-8 text; nothing was checked.',
      },
    })),
  ),
  {
    reader: 'check --terraform <plan.json>',
    extension: '.json',
    args: (path) => ['check', '--terraform', path],
    says: {
      'a 70 MB sparse file': tooLarge('the plan', MAX_PLAN_BYTES),
      '/dev/zero': tooLarge('the plan', MAX_PLAN_BYTES),
      'a FIFO fed forever': tooLarge('the plan', MAX_PLAN_BYTES),
      'a directory': 'cannot read the plan: EISDIR',
      'a file that is not UTF-8': 'the plan is not JSON',
    },
  },
  {
    reader: 'check --facts <facts.json>',
    extension: '.json',
    args: (path) => ['check', '--facts', path],
    says: {
      'a 70 MB sparse file': tooLarge('the facts document', MAX_FACTS_BYTES),
      '/dev/zero': tooLarge('the facts document', MAX_FACTS_BYTES),
      'a FIFO fed forever': tooLarge('the facts document', MAX_FACTS_BYTES),
      'a directory': 'cannot read the facts document: EISDIR',
      'a file that is not UTF-8': 'the facts document is not JSON',
    },
  },
  {
    reader: 'the rules config, --config <file.json>',
    extension: '.json',
    args: (path) => ['check', SERVERS.kvmStopped, 's3.xlarge.2', '--config', path],
    says: {
      'a 70 MB sparse file': tooLarge('the config file', MAX_CONFIG_BYTES),
      '/dev/zero': tooLarge('the config file', MAX_CONFIG_BYTES),
      'a FIFO fed forever': tooLarge('the config file', MAX_CONFIG_BYTES),
      'a directory': 'cannot read the config file: EISDIR',
      'a file that is not UTF-8': 'the config file is not UTF-8 text; nothing was checked.',
    },
  },
];

/** The rules config as a module: Node's loader reads it, so only a small regular file is loaded. */
const MODULE_CONFIG = {
  reader: 'the rules config, --config <file.mjs>',
  extension: '.mjs',
  args: (path: string) => ['check', SERVERS.kvmStopped, 's3.xlarge.2', '--config', path],
  says: {
    'a 70 MB sparse file': tooLarge('the config file', MAX_CONFIG_BYTES),
    '/dev/zero': 'cannot read the config file: it is not a regular file; nothing was checked.',
    'a FIFO fed forever': 'cannot read the config file: it is not a regular file; nothing was checked.',
    'a directory': 'cannot read the config file: it is not a regular file; nothing was checked.',
  },
};

/** Every reader with every hostile input it meets (a module is code, not text: no UTF-8 case). */
const CASES = [...READERS, MODULE_CONFIG].flatMap(({ reader, extension, args, says }) =>
  Object.entries(says).map(([input, message]) => ({ reader, input: input as Hostile, extension, args, message })),
);

describe.concurrent('every file the CLI reads is bounded: exit 2 at the cap, never a hang, nothing sent', () => {
  it.each(CASES)('$reader, $input', async ({ input, extension, args, message }) => {
    const { code, stdout, stderr } =
      input === 'a FIFO fed forever'
        ? await cliOverFifo(extension, args)
        : await cli(args(await HOSTILE[input](extension)), env, dir);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toMatch(/^error: /);
    expect(stderr).toContain(message);
    expect(stderr).not.toContain('    at ');
  });

  it.each([
    { name: 'fleet plan -', args: ['fleet', 'plan', '-'] },
    { name: 'fleet apply - --journal', args: ['fleet', 'apply', '-', '--journal', 'journal.jsonl'] },
  ])('$name: an endless standard input ends at the cap', async ({ args }) => {
    const { code, stderr } = await cliWithStdin(args, 'endless', env);
    expect({ code, stderr }).toEqual({
      code: 2,
      stderr: `error: - (stdin): ${tooLarge('the fleet file', MAX_FLEET_BYTES)}\n`,
    });
  });

  it('fleet apply - without --journal is refused before the standard input is read', async () => {
    const { code, stderr } = await cliWithStdin(['fleet', 'apply', '-'], 'endless', env);
    expect({ code, stderr }).toEqual({
      code: 2,
      stderr: 'error: fleet apply - (stdin): give --journal <file>; it is what a re-run resumes from. Nothing was read.\n',
    });
  });

  it.each([
    { format: 'CSV', text: (count: number) => `serverId,flavorRef\n${csvLines(count).join('\n')}\n`, extension: '.csv' },
    { format: 'JSON', text: (count: number) => JSON.stringify(jsonItems(count)), extension: '.json' },
  ])('a $format fleet of more than 100,000 items is refused', async ({ text, extension }) => {
    const path = pathWith(extension);
    await writeFile(path, text(MAX_FLEET_ITEMS + 1));
    const { code, stderr } = await cli(['fleet', 'plan', path], env, dir);
    expect({ code, stderr }).toEqual({
      code: 2,
      stderr: `error: ${path} holds more than 100,000 items: split it into several files. Nothing was sent.\n`,
    });
  });
});

/** `count` distinct server ids (UUIDs) of servers that do not exist. */
const serverIds = (count: number) =>
  Array.from({ length: count }, (_, index) => `00000000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`);
/** `count` CSV lines of an id and a flavor. */
const csvLines = (count: number) => serverIds(count).map((id) => `${id},s3.large.2`);
/** `count` JSON items of an id and a flavor. */
const jsonItems = (count: number) => serverIds(count).map((serverId) => ({ serverId, flavorRef: 's3.large.2' }));

describe('a fleet of 20,000 servers, every column filled, is read whole', () => {
  const COUNT = 20_000;
  let emulator: Emulator;
  let ids: string[];
  beforeAll(async () => {
    const data = fleetData(COUNT);
    ids = data.servers.map((server) => server.id);
    emulator = await startEmulator({ data });
  });
  afterAll(() => emulator?.close());

  const item = (serverId: string) => ({
    serverId,
    flavorRef: 's3.xlarge.2',
    confirmations: { xenToKvmDrivers: true, h1Drivers: true },
    mode: 'withStopServer',
    autoPay: false,
    dedicatedHostId: DEDICATED_HOST_ID,
  });
  const FORMATS = [
    {
      format: 'CSV',
      extension: '.csv',
      text: () =>
        [
          'serverId,flavorRef,confirm,mode,auto-pay,dedicated-host',
          ...ids.map((id) => `${id},s3.xlarge.2,xen-to-kvm-drivers;h1-drivers,withStopServer,false,${DEDICATED_HOST_ID}`),
        ].join('\n'),
    },
    { format: 'indented JSON', extension: '.json', text: () => JSON.stringify(ids.map(item), null, 2) },
  ];

  it.each(FORMATS)(
    'as $format: well under the cap, and planned item by item',
    async ({ extension, text }) => {
      const content = text();
      const bytes = Buffer.byteLength(content);
      // Measured: 2.6 MiB as CSV, 5.6 MiB as indented JSON (4.4 compact); the cap leaves room for more.
      expect(bytes).toBeLessThan(MAX_FLEET_BYTES / 2);
      const path = pathWith(extension);
      await writeFile(path, content);
      // spawnCli keeps all of stdout (the plan of 20,000 items is several MiB).
      const { code, stdout, stderr } = await spawnCli(
        ['fleet', 'plan', path, '--json', '--concurrency', '64'],
        tokenEnv(emulator),
        dir,
      ).done;
      expect(stderr).toBe('');
      expect(code).not.toBe(2);
      expect((JSON.parse(stdout) as { summary: { total: number } }).summary.total).toBe(COUNT);
      // 20,000 look-ups over real HTTP: bounded, but longer than the default on a busy machine.
    },
    120_000,
  );

  it.each([
    { format: 'CSV', text: (id: string) => `serverId,flavorRef\n${id},s3.xlarge.2\n` },
    { format: 'JSON', text: (id: string) => ` \n${JSON.stringify([{ serverId: id, flavorRef: 's3.xlarge.2' }])}` },
  ])('fleet plan - reads a $format fleet from the standard input', async ({ text }) => {
    // Server 5 is a stopped KVM server: s3.xlarge.2 is ready for it.
    const id = ids[5] ?? '';
    const { code, stdout, stderr } = await cliWithStdin(['fleet', 'plan', '-', '--json'], { text: text(id) }, tokenEnv(emulator));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(JSON.parse(stdout)).toMatchObject({ items: [{ item: { serverId: id }, status: 'ready' }] });
  });

  it.each([
    { fleet: 'a file', source: () => join(dir, 'stopped.json') },
    { fleet: 'the standard input', source: () => '-' },
  ])('fleet apply of $fleet stopped by Ctrl-C: the resume command names its --journal', async ({ source }) => {
    const items = JSON.stringify([{ serverId: ids[5], flavorRef: 's3.xlarge.2' }]);
    if (source() !== '-') await writeFile(source(), items);
    const journal = join(dir, `journal ${(names += 1)}.jsonl`);
    const controller = new AbortController();
    controller.abort(new InterruptedError('SIGINT'));
    let stderr = '';
    const code = await runCli(['fleet', 'apply', source(), '--journal', journal], {
      stdout: { write: () => true },
      stderr: { write: (text: string) => (stderr += text) },
      stdin: Readable.from([Buffer.from(items)]),
      env: tokenEnv(emulator),
      cwd: dir,
      signal: controller.signal,
    });
    expect(code).toBe(130);
    // Without the same --journal, a re-run would not know what was sent, and send it again.
    expect(stderr).toContain(`Resume with: ecs-resize fleet apply ${shellQuote(source())} --journal ${shellQuote(journal)}\n`);
  });
});
