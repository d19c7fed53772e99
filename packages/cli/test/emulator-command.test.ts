import { DEFAULT_CREDENTIALS, DEFAULT_TOKEN, defaultData } from '@ecs-resize/emulator';
import { copyFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { listenOnLoopback } from '../../core/test/loopback-server.js';
import { BIN, cli, spawnCli } from './helpers/cli.js';
import { runInProcess } from './helpers/run-in-process.js';

/** The variables the emulator command must set: the CLI's endpoint, project id and AK/SK. */
const VARIABLES = ['ECS_ENDPOINT', 'HW_PROJECT_ID', 'HW_ACCESS_KEY', 'HW_SECRET_KEY'];

/** The ids of the emulator's example servers. */
const SERVER_IDS = defaultData()
  .servers.map(({ id }) => id)
  .sort();

/** The `export NAME=value` lines of the text output, as an environment. */
function exportedEnv(stdout: string): Record<string, string> {
  return Object.fromEntries([...stdout.matchAll(/^export (\w+)=(\S+)$/gm)].map(([, name = '', value = '']) => [name, value]));
}

describe.each<{ signal: NodeJS.Signals; args: string[] }>([
  { signal: 'SIGINT', args: [] },
  { signal: 'SIGTERM', args: [] },
  { signal: 'SIGINT', args: ['--json', '--seed', '7'] },
])('ecs-resize emulator $args, stopped by $signal', ({ signal, args }) => {
  it('prints the settings, serves another process over them, and exits 0 on the signal', async () => {
    const emulator = spawnCli(['emulator', ...args]);
    // A failed test leaves no emulator behind.
    onTestFinished(() => void (emulator.child.exitCode === null && emulator.child.kill('SIGKILL')));
    const json = args.includes('--json');
    // Waits on the output event of the export lines (text) or of the document (--json).
    const [printed = ''] = await emulator.waitFor(json ? /^\{$[\s\S]*^\}$/m : /(?:^export \w+=\S*\n){4}/m);
    const env = json ? (JSON.parse(printed) as { env: Record<string, string> }).env : exportedEnv(printed);
    expect(Object.keys(env).sort()).toEqual([...VARIABLES].sort());
    expect(env['ECS_ENDPOINT']).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const servers = await cli(['servers', '--json'], env);
    expect(servers.code).toBe(0);
    const listed = (JSON.parse(servers.stdout) as { servers: { id: string }[] }).servers.map(({ id }) => id);
    expect(listed.sort()).toEqual(SERVER_IDS);
    // This run's AK/SK only: the emulator's well-known default credentials are refused.
    const { HW_ACCESS_KEY: _ak, HW_SECRET_KEY: _sk, ...withoutKeys } = env;
    for (const credentials of [
      { OS_AUTH_TOKEN: DEFAULT_TOKEN },
      { HW_ACCESS_KEY: DEFAULT_CREDENTIALS.accessKey, HW_SECRET_KEY: DEFAULT_CREDENTIALS.secretKey },
    ]) {
      const refused = await cli(['servers'], { ...withoutKeys, ...credentials });
      expect(refused.code).toBe(3);
      expect(refused.stderr).toContain('APIG.0301');
    }

    emulator.child.kill(signal);
    const { code, signal: killedBy, stderr } = await emulator.done;
    expect({ code, killedBy }).toEqual({ code: 0, killedBy: null });
    expect(stderr).toContain('The emulator stopped.');
    const after = await cli(['servers'], env);
    expect(after.code).toBe(3);
  });
});

describe('ecs-resize emulator, misused', () => {
  it('its help names the package, the variables it prints and how it stops', async () => {
    const { code, stdout } = await runInProcess(['help', 'emulator']);
    expect(code).toBe(0);
    for (const words of ['Usage: ecs-resize emulator', 'npm i -g @ecs-resize/emulator', ...VARIABLES, 'SIGTERM', '--port <port>'])
      expect(stdout).toContain(words);
  });

  it.each([
    { flags: ['--port', '0'], message: '--port must be a whole number from 1 to 65535, not "0"' },
    { flags: ['--port', '65536'], message: '--port must be a whole number from 1 to 65535, not "65536"' },
    { flags: ['--port', '80.5'], message: '--port must be a whole number from 1 to 65535, not "80.5"' },
    { flags: ['--port', 'http'], message: '--port must be a whole number from 1 to 65535, not "http"' },
    { flags: ['--port=-1'], message: '--port must be a whole number from 1 to 65535, not "-1"' },
    { flags: ['--port', ''], message: '--port must be a whole number from 1 to 65535, not ""' },
    { flags: ['--seed', 'x'], message: '--seed must be a whole number from 0 to 9007199254740991, not "x"' },
    { flags: ['--seed', '1e3'], message: '--seed must be a whole number from 0 to 9007199254740991, not "1e3"' },
    { flags: ['--seed', '9007199254740992'], message: 'not "9007199254740992"' },
    { flags: ['--prot', '8080'], message: 'Did you mean --port?' },
  ])('emulator $flags: usage error, exit 2, nothing started', async ({ flags, message }) => {
    const { code, stdout, stderr } = await runInProcess(['emulator', ...flags]);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toContain(message);
  });

  it('a port in use: a clear error, exit 2', async () => {
    const taken = await listenOnLoopback((_request, response) => response.end());
    try {
      const { code, stdout, stderr } = await cli(['emulator', '--port', String(taken.port)]);
      expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
      expect(stderr).toContain(`Port ${taken.port} on 127.0.0.1 is in use`);
    } finally {
      await taken.close();
    }
  });
});

// Installing the CLI does not install the emulator: the bundle alone (bin.js and the chunks it
// loads), where no @ecs-resize/emulator can be found, runs every other command and names the
// package to install.

/** The chunks beside bin.js that it loads (`import()`ed code, and what the two share). */
const CHUNKS = join(dirname(BIN), 'chunks');
describe('the CLI without @ecs-resize/emulator', () => {
  let directory = '';
  let lonelyBin = '';
  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'ecs-resize-no-emulator-'));
    lonelyBin = join(directory, 'bin.js');
    copyFileSync(BIN, lonelyBin);
    cpSync(CHUNKS, join(directory, 'chunks'), { recursive: true });
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('emulator: a usage error naming the package to install, exit 2', async () => {
    const { code, stdout, stderr } = await cli(['emulator'], {}, directory, lonelyBin);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toContain('npm i -g @ecs-resize/emulator');
  });

  it('the other commands run', async () => {
    const { code, stdout } = await cli(['servers', '--help'], {}, directory, lonelyBin);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: ecs-resize servers');
  });

  it('the bundle has none of the emulator, and the manifest makes it an optional peer only', () => {
    const bundle = [BIN, ...readdirSync(CHUNKS).map((chunk) => join(CHUNKS, chunk))]
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    expect(bundle).toContain("import('@ecs-resize/emulator')");
    expect(bundle).not.toContain(DEFAULT_CREDENTIALS.secretKey);
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as Record<
      string,
      Record<string, unknown> | undefined
    >;
    expect(manifest['dependencies']).not.toHaveProperty(['@ecs-resize/emulator']);
    expect(manifest['peerDependencies']).toHaveProperty(['@ecs-resize/emulator']);
    expect(manifest['peerDependenciesMeta']).toEqual({ '@ecs-resize/emulator': { optional: true } });
  });
});
