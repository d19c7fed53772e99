/**
 * `ecs-resize servers`, and server names where a command takes a server: `runCli` in this
 * process against the emulator over real HTTP on 127.0.0.1, its server names changed so that
 * two servers share one, one is a prefix of another, one is an escape sequence and one is
 * written with regular-expression characters.
 */
import { defaultData, SERVERS, startEmulator, type Emulator } from '@ecs-resize/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenEnv } from './helpers/cli.js';
import { runInProcess } from './helpers/run-in-process.js';

/** The names given to the emulator's servers, by id. */
const NAMES: Readonly<Record<string, string>> = {
  [SERVERS.kvmScsi]: 'web',
  [SERVERS.kvmStopped]: 'web-2',
  [SERVERS.frozen]: 'twin',
  [SERVERS.locked]: 'twin',
  [SERVERS.spot]: 'db(primary)+1',
  [SERVERS.prepaid]: 'evil\u001b]0;owned\u0007\u001b[31mred',
};

let emulator: Emulator;
let env: Record<string, string>;

beforeAll(async () => {
  const data = defaultData();
  for (const server of data.servers) server.name = NAMES[server.id] ?? server.name;
  emulator = await startEmulator({ data });
  env = tokenEnv(emulator);
});
afterAll(() => emulator?.close());

describe('ecs-resize servers', () => {
  it('lists every server with its id, name, status and flavor', async () => {
    const { code, stdout, stderr } = await runInProcess(['servers'], env);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const [header, ...rows] = stdout.trimEnd().split('\n');
    expect(header).toMatch(/^ID +Name +Status +Flavor$/);
    expect(rows).toHaveLength(emulator.state.servers.size);
    expect(rows.find((row) => row.startsWith(SERVERS.kvmScsi))).toMatch(/^\S+ +web +SHUTOFF +c6\.large\.2$/);
  });

  it('never lets a name write escape sequences to the terminal', async () => {
    const { stdout } = await runInProcess(['servers'], env);
    expect(stdout).not.toMatch(/\u001b|\u0007/);
    expect(stdout.split('\n').find((row) => row.startsWith(SERVERS.prepaid))).toContain('evil');
  });

  it('prints them as JSON with --json', async () => {
    const { code, stdout } = await runInProcess(['servers', '--json'], env);
    expect(code).toBe(0);
    const { servers } = JSON.parse(stdout) as { servers: { id: string; name: string; status: string; flavor: string }[] };
    expect(servers).toHaveLength(emulator.state.servers.size);
    expect(servers).toContainEqual({ id: SERVERS.kvmScsi, name: 'web', status: 'SHUTOFF', flavor: 'c6.large.2' });
    expect(servers.find(({ id }) => id === SERVERS.prepaid)?.name).toBe(NAMES[SERVERS.prepaid]);
  });

  it('takes no argument', async () => {
    const { code, stderr } = await runInProcess(['servers', 'web'], env);
    expect(code).toBe(2);
    expect(stderr).toContain('too many arguments');
  });
});

describe.each([
  { command: 'check', args: (server: string) => ['check', server, 's3.large.2', '--json'] },
  { command: 'flavors', args: (server: string) => ['flavors', server, '--json'] },
  { command: 'resize', args: (server: string) => ['resize', server, 's3.large.2', '--dry-run', '--json'] },
])('$command takes a server name where it is unique', ({ args }) => {
  it.each([
    { name: 'web', id: SERVERS.kvmScsi },
    { name: 'web-2', id: SERVERS.kvmStopped },
    { name: 'db(primary)+1', id: SERVERS.spot },
  ])('$name is $id', async ({ name, id }) => {
    const { code, stdout, stderr } = await runInProcess(args(name), env);
    expect(stderr).not.toContain('Error');
    expect([0, 1]).toContain(code);
    expect(stdout).toContain(id);
  });

  it.each([
    { name: 'we', message: 'No server is named "we". Give its id, or run: ecs-resize servers' },
    { name: 'WEB', message: 'No server is named "WEB"' },
    { name: 'w.b', message: 'No server is named "w.b"' },
    { name: 'twin', message: `2 servers are named "twin"; give one of their ids: ${SERVERS.frozen}, ${SERVERS.locked}` },
    { name: 'a\u0001b', message: 'Invalid input: <server>: must be 1 to 255 characters, no control characters' },
    { name: 'x'.repeat(256), message: 'Invalid input: <server>: must be 1 to 255 characters' },
  ])('$name is a usage error, nothing changed', async ({ name, message }) => {
    const resizes = emulator.state.resizeJobs.length;
    const { code, stderr } = await runInProcess(args(name), env);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(emulator.state.resizeJobs.length).toBe(resizes);
  });
});

describe('a UUID is an id, never a name', () => {
  it.each([
    { server: SERVERS.kvmScsi, code: 0 },
    { server: SERVERS.kvmScsi.toUpperCase(), code: 3 },
    { server: '00000000-0000-4000-8000-000000000000', code: 3 },
  ])('$server is read by id (exit $code), no server listed', async ({ server, code }) => {
    const [listed, read] = [emulator.state.countRequests('listServers'), emulator.state.countRequests('getServer')];
    expect((await runInProcess(['flavors', server, '--json'], env)).code).toBe(code);
    expect(emulator.state.countRequests('listServers')).toBe(listed);
    expect(emulator.state.countRequests('getServer')).toBeGreaterThan(read);
  });
});
