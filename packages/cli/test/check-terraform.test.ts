import { DEFAULT_TOKEN, SERVERS, startEmulator, type Emulator } from '@ecs-resize/emulator';
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, tokenEnv } from './helpers/cli.js';
import { cliWithStdin } from './helpers/cli-stdin.js';
import { flavorUpdate, planOf, type FlavorUpdate, type ResourceChangeJson } from './helpers/terraform-plan.js';

let emulator: Emulator;
let env: Record<string, string>;
let dir: string;

beforeAll(async () => {
  emulator = await startEmulator();
  env = tokenEnv(emulator);
  dir = await mkdtemp(join(tmpdir(), 'check-terraform-'));
});
afterAll(async () => {
  await emulator?.close();
  await rm(dir, { recursive: true, force: true });
});

let files = 0;
/** Writes `content` (a document as JSON, or raw text or bytes) to a new file and returns its path. */
async function fileOf(content: unknown): Promise<string> {
  const path = join(dir, `plan-${(files += 1)}.json`);
  await writeFile(path, typeof content === 'string' || content instanceof Uint8Array ? content : JSON.stringify(content));
  return path;
}

/** A server's update that changes nothing but its tags: not a resize. */
const tagsUpdate = (name: string, id: string): ResourceChangeJson => ({
  address: `huaweicloud_compute_instance.${name}`,
  mode: 'managed',
  type: 'huaweicloud_compute_instance',
  change: {
    actions: ['update'],
    before: { id, flavor_id: 's3.large.2', tags: {} },
    after: { id, flavor_id: 's3.large.2', tags: { a: 'b' } },
  },
});

/** The JSON document of `check --terraform`, as the tests read it. */
interface CheckJson {
  ok: boolean;
  resources: {
    address: string;
    serverId: string;
    from: string;
    to: string;
    verdict: string;
    request: Record<string, unknown>;
    findings?: { severity: string; ruleId: string; messageId: string }[];
    error?: { name: string; exitCode: number };
  }[];
  notes: { address: string; note: string }[];
  skipped: number;
  summary: Record<string, number>;
}

/** Runs `check --terraform <plan> --json` on a plan of `changes`. */
async function checkPlan(changes: readonly ResourceChangeJson[], flags: readonly string[] = []) {
  const { code, stdout, stderr } = await cli(['check', '--terraform', await fileOf(planOf(changes)), '--json', ...flags], env);
  return { code, stderr, document: JSON.parse(stdout) as CheckJson };
}

describe.concurrent('check --terraform checks each flavor change as its provider sends it', () => {
  it.each<{
    name: string;
    update: Omit<FlavorUpdate, 'name'>;
    flags?: string[];
    code: number;
    verdict: string;
    findings: string[];
  }>([
    {
      name: 'huaweicloud, a running server: withStopServer, so not blocked',
      update: { id: SERVERS.kvmRunning, from: 's3.large.2', to: 's3.xlarge.2' },
      code: 0,
      verdict: 'ok',
      findings: [],
    },
    {
      name: 'opentelekomcloud_ecs_instance_v1, a running server: Nova stops it',
      update: { type: 'opentelekomcloud_ecs_instance_v1', id: SERVERS.kvmRunning, from: 's3.large.2', to: 's3.xlarge.2' },
      code: 0,
      verdict: 'ok',
      findings: [],
    },
    {
      name: 'huaweicloud, yearly/monthly with auto_pay "true"',
      update: {
        id: SERVERS.prepaid,
        from: 's3.large.2',
        to: 's3.xlarge.2',
        extra: { charging_mode: 'prePaid', auto_pay: 'true' },
      },
      code: 0,
      verdict: 'ok',
      findings: [],
    },
    {
      name: 'huaweicloud, yearly/monthly without auto_pay: the order is left to pay (a warning)',
      update: { id: SERVERS.prepaid, from: 's3.large.2', to: 's3.xlarge.2', extra: { charging_mode: 'prePaid' } },
      code: 0,
      verdict: 'ok',
      findings: ['warn prepaid-auto-pay/orderUnpaid'],
    },
    {
      name: 'opentelekomcloud_compute_instance_v2, yearly/monthly: no autoPay is sent',
      update: { type: 'opentelekomcloud_compute_instance_v2', id: SERVERS.prepaid, from: 's3.large.2', to: 's3.xlarge.2' },
      code: 1,
      verdict: 'blocked',
      findings: ['error prepaid-auto-pay/needsAutoPay'],
    },
    {
      name: 'KVM to Xen is blocked',
      update: { id: SERVERS.kvmStopped, from: 's3.large.2', to: 's1.large' },
      code: 1,
      verdict: 'blocked',
      findings: ['error no-kvm-to-xen/kvmToXen'],
    },
    {
      name: 'Xen to KVM without the drivers confirmed is blocked',
      update: { id: SERVERS.xenDrivers, from: 'c1.large', to: 's3.large.2' },
      code: 1,
      verdict: 'blocked',
      findings: ['error xen-to-kvm-drivers/driversNotConfirmed'],
    },
    {
      name: 'Xen to KVM with --confirm xen-to-kvm-drivers passes',
      update: { id: SERVERS.xenDrivers, from: 'c1.large', to: 's3.large.2' },
      flags: ['--confirm', 'xen-to-kvm-drivers'],
      code: 0,
      verdict: 'ok',
      findings: [],
    },
    {
      name: 'a server on a dedicated host: the provider does not name it',
      update: { id: SERVERS.dedicatedHost, from: 's3.large.2', to: 's3.xlarge.2' },
      code: 1,
      verdict: 'blocked',
      findings: ['error dedicated-host/hostNotNamed'],
    },
    {
      name: '--force turns a rule off for every resize',
      update: { id: SERVERS.kvmStopped, from: 's3.large.2', to: 's1.large' },
      flags: ['--force', 'no-kvm-to-xen,target-allowed,xen-to-kvm-drivers,h1-drivers,same-family'],
      code: 0,
      verdict: 'ok',
      findings: [],
    },
  ])('$name', async ({ update, flags = [], code, verdict, findings }) => {
    const change = flavorUpdate({ name: 'web', ...update });
    const result = await checkPlan([change], flags);
    const [resource] = result.document.resources;
    const found = (resource?.findings ?? []).map((finding) => `${finding.severity} ${finding.ruleId}/${finding.messageId}`);
    // Every error exactly; the warnings named must be among those found.
    expect([result.code, resource?.verdict, found.filter((finding) => finding.startsWith('error'))]).toEqual([
      code,
      verdict,
      findings.filter((finding) => finding.startsWith('error')),
    ]);
    expect(found).toEqual(expect.arrayContaining(findings));
    expect(resource).toMatchObject({ address: change.address, serverId: update.id, from: update.from, to: update.to });
    expect(result.document.ok).toBe(code === 0);
  });

  it('every server of a plan larger than the concurrency is checked, in plan order', async () => {
    const ids = Object.values(SERVERS);
    const changes = ids.map((id, index) => flavorUpdate({ name: `s${index}`, id, from: 'any', to: 's3.xlarge.2' }));
    const { document } = await checkPlan(changes);
    expect(ids.length).toBeGreaterThan(8);
    expect(document.resources.map(({ address, serverId }) => [address, serverId])).toEqual(
      changes.map((change, index) => [change.address, ids[index]]),
    );
    expect(document.summary.checked).toBe(ids.length);
  });

  it('a server the API does not know: an error verdict, exit 3 (the check did not run)', async () => {
    const missing = '6f1b3c2a-0d4e-4b7a-9c11-2a5e8f000999';
    const result = await checkPlan([
      flavorUpdate({ name: 'gone', id: missing, from: 's3.large.2', to: 's3.xlarge.2' }),
      flavorUpdate({ name: 'web', id: SERVERS.kvmStopped, from: 's3.large.2', to: 's1.large' }),
    ]);
    expect(result.code).toBe(3);
    expect(result.document.resources.map(({ verdict, error }) => [verdict, error?.name, error?.exitCode])).toEqual([
      ['error', 'EcsApiError', 3],
      ['blocked', undefined, undefined],
    ]);
    expect(result.document.summary).toEqual({ checked: 2, ok: 0, blocked: 1, errors: 1 });
  });

  it('a flavor the client refuses (a path): an error verdict naming <flavor>, exit 2, nothing asked', async () => {
    const result = await checkPlan([flavorUpdate({ name: 'web', id: SERVERS.kvmRunning, from: 's3.large.2', to: 's3/../x' })]);
    expect(result.code).toBe(2);
    expect(result.document.resources.map(({ verdict, error }) => [verdict, error?.name])).toEqual([['error', 'EcsInputError']]);
    expect(JSON.stringify(result.document)).toContain('<flavor>: may hold only letters');
  });

  it('a mixed plan: one line per resize with its findings, the notes, and the counts', async () => {
    const plan = planOf([
      flavorUpdate({ name: 'web', id: SERVERS.kvmRunning, from: 's3.large.2', to: 's3.xlarge.2' }),
      tagsUpdate('tagged', SERVERS.locked),
      flavorUpdate({ name: 'db', id: SERVERS.kvmStopped, from: 's3.large.2', to: 's1.large' }),
      {
        ...flavorUpdate({ name: 'old', id: SERVERS.frozen, from: 's3.large.2', to: 's3.xlarge.2' }),
        change: { actions: ['delete', 'create'], before: {}, after: {} },
      },
      {
        ...flavorUpdate({ name: 'new', id: null, from: '', to: 's3.large.2' }),
        change: { actions: ['create'], before: null, after: {} },
      },
      {
        ...flavorUpdate({ name: 'x', id: SERVERS.spot, from: 's3.large.2', to: 's3.xlarge.2' }),
        mode: 'data',
        address: 'data.huaweicloud_compute_instance.x',
      },
    ]);
    const { code, stdout } = await cli(['check', '--terraform', await fileOf(plan)], env);
    const lines = stdout.trimEnd().split('\n');
    expect(code).toBe(1);
    expect(lines[0]).toBe(`✔ ok      huaweicloud_compute_instance.web  server ${SERVERS.kvmRunning}  s3.large.2 → s3.xlarge.2`);
    expect(lines[1]).toBe(`✖ blocked huaweicloud_compute_instance.db  server ${SERVERS.kvmStopped}  s3.large.2 → s1.large`);
    expect(lines[2]).toMatch(/^ {2}error {2}no-kvm-to-xen {2}/);
    expect(lines.slice(-2)).toEqual([
      'note  huaweicloud_compute_instance.old: replaced (delete, create), not resized: not checked',
      '2 resizes checked: 1 ok, 1 blocked, 0 errors; 3 other resource changes skipped.',
    ]);
  });

  it('a plan without resizes needs no credentials nor endpoint: exit 0', async () => {
    const { code, stdout } = await cli(['check', '--terraform', await fileOf(planOf([tagsUpdate('a', SERVERS.kvmRunning)]))], {});
    expect([code, stdout]).toEqual([0, 'No flavor change to check; 1 resource change skipped.\n']);
  });

  it('a plan with a resize and no endpoint is a usage error', async () => {
    const plan = planOf([flavorUpdate({ name: 'a', id: SERVERS.kvmRunning, from: 's3.large.2', to: 's3.xlarge.2' })]);
    const { code, stderr } = await cli(['check', '--terraform', await fileOf(plan)], {});
    expect([code, stderr]).toEqual([2, expect.stringMatching(/^error: .*ECS_ENDPOINT/)]);
  });

  it('reads the plan from stdin with -', async () => {
    const plan = planOf([flavorUpdate({ name: 'a', id: SERVERS.kvmRunning, from: 's3.large.2', to: 's3.xlarge.2' })]);
    const { code, stdout } = await cliWithStdin(['check', '--terraform', '-'], { text: JSON.stringify(plan) }, env);
    expect([code, stdout]).toEqual([0, expect.stringContaining('✔ ok      huaweicloud_compute_instance.a')]);
  });
});

describe.concurrent('check --terraform refuses a bad plan with exit 2, nothing checked', () => {
  let hostile: Emulator;
  let hostileEnv: Record<string, string>;
  beforeAll(async () => {
    hostile = await startEmulator();
    hostileEnv = tokenEnv(hostile);
  });
  afterAll(async () => {
    // Not one request: a bad plan is refused before the API is asked anything.
    expect(hostile.state.requests).toEqual([]);
    await hostile.close();
  });

  const deep = `{"format_version":"1.2","planned_values":${'['.repeat(200)}${']'.repeat(200)}}`;
  it.each<{ name: string; content: () => Promise<string>; says: string }>([
    { name: 'not JSON', content: () => fileOf('Terraform will perform the following actions:\n'), says: 'the plan is not JSON' },
    { name: 'not UTF-8', content: () => fileOf(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])), says: 'the plan is not JSON' },
    { name: 'JSON null', content: () => fileOf('null'), says: 'not a Terraform plan: the document must be an object, not null' },
    { name: 'a JSON array', content: () => fileOf('[]'), says: 'not an array' },
    { name: 'a JSON number', content: () => fileOf('12'), says: 'not a number' },
    { name: 'nesting 200 deep', content: () => fileOf(deep), says: 'the plan nests deeper than 128 levels' },
    {
      name: 'a 70 MB file',
      content: async () => {
        const path = await fileOf('');
        await truncate(path, 70 * 2 ** 20);
        return path;
      },
      says: 'the plan is larger than 64 MiB',
    },
    {
      name: 'a state, not a plan',
      content: () => fileOf({ format_version: '1.0', values: { root_module: {} } }),
      says: 'is it the JSON of a state?',
    },
    {
      name: 'an id that is a path',
      content: () => fileOf(planOf([flavorUpdate({ name: 'a', id: '../../x', from: 's3.large.2', to: 's3.xlarge.2' })])),
      says: 'whose id, "../../x", is not a server id',
    },
    {
      name: 'an id that is a URL',
      content: () =>
        fileOf(planOf([flavorUpdate({ name: 'a', id: 'http://169.254.169.254/latest', from: 's3.large.2', to: 's3.xlarge.2' })])),
      says: 'whose id, "http://169.254.169.254/latest", is not a server id',
    },
    {
      name: 'one server resized by two resources',
      content: () =>
        fileOf(
          planOf([
            flavorUpdate({ name: 'a', id: SERVERS.kvmRunning, from: 's3.large.2', to: 's3.xlarge.2' }),
            flavorUpdate({ name: 'b', id: SERVERS.kvmRunning, from: 's3.large.2', to: 's3.2xlarge.2' }),
          ]),
        ),
      says: 'resizes 1 server from more than one resource',
    },
    { name: 'a missing file', content: async () => join(dir, 'missing.json'), says: 'cannot read the plan: ENOENT' },
    { name: 'a directory', content: async () => dir, says: 'cannot read the plan: EISDIR' },
  ])('$name', async ({ content, says }) => {
    const path = await content();
    const { code, stdout, stderr } = await cli(['check', '--terraform', path], hostileEnv);
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toMatch(/^error: --terraform /);
    expect(stderr).toContain(says);
    expect(stderr).not.toContain('    at ');
  });

  it('an endless stdin ends with exit 2 at the cap, not a hang', async () => {
    const { code, stderr } = await cliWithStdin(['check', '--terraform', '-'], 'endless', hostileEnv);
    expect([code, stderr]).toEqual([2, 'error: --terraform - (stdin): the plan is larger than 64 MiB; nothing was checked.\n']);
  });

  it.each([
    {
      name: 'positional arguments',
      args: ['check', 'a', 'b', '--terraform', 'p.json'],
      says: 'too many arguments. Usage: ecs-resize check --terraform <plan.json|->',
    },
    {
      name: '--facts too',
      args: ['check', '--terraform', 'p.json', '--facts', 'f.json'],
      says: '--terraform and --facts do not go together',
    },
    {
      name: '--mode',
      args: ['check', '--terraform', 'p.json', '--mode', 'withStopServer'],
      says: '--mode does not go with --terraform: the provider decides',
    },
    {
      name: '--auto-pay',
      args: ['check', '--terraform', 'p.json', '--auto-pay'],
      says: '--auto-pay does not go with --terraform',
    },
    { name: 'a misspelt --terrafrom', args: ['check', '--terrafrom', 'p.json'], says: 'Did you mean --terraform?' },
    {
      name: 'an unknown --confirm',
      args: ['check', '--terraform', 'p.json', '--confirm', 'nope'],
      says: 'unknown confirmation "nope"',
    },
  ])('$name: a usage error', async ({ args, says }) => {
    const { code, stderr } = await cli(args, hostileEnv);
    expect([code, stderr]).toEqual([2, expect.stringContaining(says)]);
  });
});

describe.concurrent('check --terraform prints nothing the plan could use against the terminal or to leak', () => {
  const ESCAPES = ['\u001b', '\u009b', '\u202e', '\u2066', '\u0007'];
  it.each([['text'], ['--json']])(
    'escape sequences and bidi marks in an address and a flavor are removed (%s)',
    async (format) => {
      const change = flavorUpdate({ name: 'web', id: SERVERS.kvmRunning, from: 's3.large.2\u001b[2J\u202e', to: 's3.xlarge.2' });
      change.address = 'huaweicloud_compute_instance.web\u001b]0;pwned\u0007\u2066evil\u009b31m';
      const args = ['check', '--terraform', await fileOf(planOf([change])), ...(format === 'text' ? [] : [format])];
      const { code, stdout, stderr } = await cli(args, env);
      expect(code).toBe(0);
      for (const char of ESCAPES) expect(`${stdout}${stderr}`).not.toContain(char);
      if (format === 'text') expect(stdout).toContain('huaweicloud_compute_instance.webevil  server');
    },
  );

  it('a secret in an address is masked, and attributes such as admin_pass are never printed', async () => {
    const password = 'Pl4n-Admin-Pass-0001';
    const change = flavorUpdate({
      name: 'web',
      id: SERVERS.kvmRunning,
      from: 's3.large.2',
      to: 's3.xlarge.2',
      extra: { admin_pass: password, user_data: `#!/bin/sh\necho ${password}` },
    });
    change.address = `huaweicloud_compute_instance.web["${DEFAULT_TOKEN}"]`;
    const path = await fileOf(planOf([change]));
    // `cli` fails the test when a secret of the environment appears in the output, in any form.
    for (const format of [[], ['--json']]) {
      const { code, stdout } = await cli(['check', '--terraform', path, ...format], env);
      expect(code).toBe(0);
      expect(stdout).toContain('[redacted]');
      expect(stdout).not.toContain(password);
    }
  });
});

describe('check --terraform sends nothing', () => {
  it('every request the emulator saw was a read; no resize', () => {
    expect(emulator.state.resizeJobs).toEqual([]);
    expect(new Set(emulator.state.requests.map(({ method }) => method))).toEqual(new Set(['GET']));
  });
});
