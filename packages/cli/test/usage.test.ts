import { DEFAULT_CREDENTIALS, DEFAULT_TOKEN } from '@ecs-resize/emulator';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers/cli.js';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

/** The commands and the words that call them. */
const COMMANDS = ['check', 'resize', 'flavors', 'job', 'fleet plan', 'fleet apply', 'config'];

describe.concurrent('help and version', () => {
  it('lists every command, the environment and the exit codes', async () => {
    const { code, stdout } = await cli(['--help']);
    expect(code).toBe(0);
    for (const command of COMMANDS) expect(stdout).toContain(`  ${command}`);
    for (const variable of [
      'HW_ACCESS_KEY',
      'HW_SECRET_KEY',
      'HW_SECURITY_TOKEN',
      'OS_AUTH_TOKEN',
      'HW_PROJECT_ID',
      'HW_REGION_NAME',
      'ECS_ENDPOINT',
    ]) {
      expect(stdout).toContain(variable);
    }
    expect(stdout).toMatch(/Exit codes: 0 ok, 1 blocked.*2 usage.*3 API.*4 job failed/);
  });

  it.each(COMMANDS)('has help for %s', async (command) => {
    const { code, stdout, stderr } = await cli([...command.split(' '), '--help']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toContain(`Usage: ecs-resize ${command}`);
    expect(stdout).toContain('Examples:');
    expect(stdout).toContain('--json');
  });

  it('has help for the fleet group, and -h works too', async () => {
    const group = await cli(['fleet', '-h']);
    expect(group.code).toBe(0);
    expect(group.stdout).toContain('Usage: ecs-resize fleet <command>');
    expect(group.stdout).toMatch(/fleet plan <file>[\s\S]*fleet apply <file>/);
  });

  it('prints the version, as text and as JSON', async () => {
    expect(await cli(['--version'])).toEqual({ code: 0, stdout: `${manifest.version}\n`, stderr: '' });
    expect(JSON.parse((await cli(['--version', '--json'])).stdout)).toEqual({ version: manifest.version });
  });
});

describe.concurrent('usage errors exit with 2 and say what to do', () => {
  it.each([
    { args: [], message: /Usage: ecs-resize <command>/ },
    { args: ['bogus'], message: /Unknown command "bogus"/ },
    { args: ['fleet'], message: /fleet needs one of: plan, apply/ },
    { args: ['check', 'srv'], message: /missing <flavor>/ },
    { args: ['check', 'srv', 'flavor', 'extra'], message: /too many arguments/ },
    { args: ['check', 'srv', 'flavor', '--bogus'], message: /Unknown flag --bogus for "check"/ },
    { args: ['check', 'srv', 'flavor', '--wait'], message: /Unknown flag --wait for "check"/ },
    { args: ['resize', 'srv', 'flavor', '--mode'], message: /--mode/ },
    { args: ['resize', 'srv', 'flavor', '--mode', 'live'], message: /--mode must be withStopServer/ },
    { args: ['resize', 'srv', 'flavor', '--confirm', 'xen-drivers'], message: /unknown confirmation "xen-drivers"/ },
    { args: ['resize', 'srv', 'flavor', '--wait', '--interval', '0'], message: /--interval must be a whole number/ },
    { args: ['resize', 'srv', 'flavor', '--wait', '--dry-run'], message: /--wait and --dry-run do not go together/ },
  ])('$args', async ({ args, message }) => {
    const { code, stdout, stderr } = await cli(args, {
      HW_PROJECT_ID: 'p',
      OS_AUTH_TOKEN: DEFAULT_TOKEN,
      ECS_ENDPOINT: 'http://127.0.0.1:9',
    });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });

  it('refuses secrets in flags without echoing them', async () => {
    for (const flag of [`--secret-key=${DEFAULT_CREDENTIALS.secretKey}`, '--token', '--access-key']) {
      const { code, stderr } = await cli(['check', 'srv', 'flavor', flag, DEFAULT_TOKEN]);
      expect(code).toBe(2);
      expect(stderr).toMatch(/secrets are never taken from flags/);
    }
  });

  it('needs a project id, an endpoint and credentials', async () => {
    const endpoint = { ECS_ENDPOINT: 'http://127.0.0.1:9' };
    expect((await cli(['flavors', 'srv'], { ...endpoint, OS_AUTH_TOKEN: DEFAULT_TOKEN })).stderr).toMatch(
      /No project id: pass --project-id or set HW_PROJECT_ID/,
    );
    expect((await cli(['flavors', 'srv'], { HW_PROJECT_ID: 'p', OS_AUTH_TOKEN: DEFAULT_TOKEN })).stderr).toMatch(/No endpoint/);
    const noCredentials = await cli(['flavors', 'srv'], { ...endpoint, HW_PROJECT_ID: 'p' });
    expect(noCredentials.code).toBe(2);
    expect(noCredentials.stderr).toMatch(/No credentials: set HW_ACCESS_KEY and HW_SECRET_KEY/);
    const halfPair = await cli(['flavors', 'srv'], {
      ...endpoint,
      HW_PROJECT_ID: 'p',
      HW_ACCESS_KEY: DEFAULT_CREDENTIALS.accessKey,
    });
    expect(halfPair.code).toBe(2);
    expect(halfPair.stderr).toMatch(/HW_SECRET_KEY is not set/);
  });

  it('with --json, prints the error as one JSON document too', async () => {
    const { code, stdout, stderr } = await cli(['check', 'srv', '--json']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/missing <flavor>/);
    expect(JSON.parse(stdout)).toEqual({
      error: { name: 'UsageError', message: expect.stringMatching(/missing <flavor>/), exitCode: 2 },
    });
  });
});

describe.concurrent('configuration from flags, then the environment', () => {
  /** `ecs-resize config --json` with `env` and `args`. */
  async function config(env: Record<string, string>, ...args: string[]) {
    const result = await cli(['config', '--json', ...args], env);
    return { code: result.code, ...(JSON.parse(result.stdout) as Record<string, unknown>) };
  }
  const credentials = { OS_AUTH_TOKEN: DEFAULT_TOKEN, HW_PROJECT_ID: '0b5e1f2a3c4d4e5f8a9b0c1d2e3f4a5b' };

  it('derives the endpoint from the region: Open Telekom Cloud for eu-de and eu-nl, Huawei Cloud otherwise', async () => {
    expect(await config({ ...credentials, HW_REGION_NAME: 'eu-de' })).toMatchObject({
      code: 0,
      endpoint: { value: 'https://ecs.eu-de.otc.t-systems.com', source: 'HW_REGION_NAME=eu-de' },
      projectId: { value: credentials.HW_PROJECT_ID, source: 'HW_PROJECT_ID' },
      credentials: { value: 'token (OS_AUTH_TOKEN)' },
    });
    expect(await config({ ...credentials, HW_REGION_NAME: 'eu-nl' })).toMatchObject({
      endpoint: { value: 'https://ecs.eu-nl.otc.t-systems.com' },
    });
    expect(await config({ ...credentials, HW_REGION_NAME: 'ap-southeast-1' })).toMatchObject({
      endpoint: { value: 'https://ecs.ap-southeast-1.myhuaweicloud.com' },
    });
  });

  it('lets ECS_ENDPOINT override the region, and flags override the environment', async () => {
    const env = { ...credentials, HW_REGION_NAME: 'eu-de', ECS_ENDPOINT: 'https://ecs.example.test' };
    expect(await config(env)).toMatchObject({ endpoint: { value: 'https://ecs.example.test', source: 'ECS_ENDPOINT' } });
    expect(await config(env, '--region', 'cn-north-4', '--project-id', 'abc')).toMatchObject({
      endpoint: { value: 'https://ecs.cn-north-4.myhuaweicloud.com', source: '--region cn-north-4' },
      projectId: { value: 'abc', source: '--project-id' },
    });
    expect(await config(env, '--endpoint', 'https://proxy.example.test', '--region', 'eu-nl')).toMatchObject({
      endpoint: { value: 'https://proxy.example.test', source: '--endpoint' },
    });
  });

  it('prefers AK/SK (with a security token) over a token, and never shows their values', async () => {
    const env = {
      ...credentials,
      HW_REGION_NAME: 'eu-de',
      HW_ACCESS_KEY: DEFAULT_CREDENTIALS.accessKey,
      HW_SECRET_KEY: DEFAULT_CREDENTIALS.secretKey,
      HW_SECURITY_TOKEN: 'temporary-security-token-value',
    };
    expect(await config(env)).toMatchObject({
      credentials: { value: 'AK/SK (HW_ACCESS_KEY, HW_SECRET_KEY, HW_SECURITY_TOKEN)' },
    });
    const text = await cli(['config'], env);
    expect(text.stdout).not.toContain('temporary-security-token-value');
  });

  it('reports what is missing with exit code 2, and a bad region', async () => {
    expect(await config({})).toMatchObject({
      code: 2,
      endpoint: { missing: expect.stringMatching(/No endpoint/) },
      credentials: { missing: expect.stringMatching(/No credentials/) },
    });
    const badRegion = await cli(['flavors', 'srv', '--region', 'eu/de'], credentials);
    expect(badRegion.code).toBe(2);
    expect(badRegion.stderr).toMatch(/"eu\/de" is not a region name/);
  });
});
