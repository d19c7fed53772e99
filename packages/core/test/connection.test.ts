import { DEFAULT_CREDENTIALS, DEFAULT_PROJECT_ID, DEFAULT_TOKEN, SERVERS } from '@ecs-resize/emulator';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  collectFacts,
  createEcsClient,
  createEcsConnection,
  EcsInputError,
  getJob,
  getServer,
  getVolumes,
  listBlockDevices,
  listFlavors,
  listResizeFlavors,
  listResizeFlavorsForFlavor,
  listServerInterfaces,
  listServers,
  listServersPage,
  resize,
  waitForJob,
  type EcsClientOptions,
  type EcsConnection,
} from '../src/index.js';
import { FAST_JOB_MS, FAST_WAIT, rejectionOf, useEmulator } from './helpers.js';

/** Secrets long and distinctive enough that any trace of them in a rendering is found. */
const SECRETS = {
  token: 'token-secret-4f1c9e2a7b3d',
  secretKey: 'sk-secret-8a2b6c0d4e1f',
  securityToken: 'security-token-secret-93e7',
};

/** Every kind of auth, with the kind the connection reports and the secrets it must hide. */
const AUTHS = [
  { name: 'token', auth: { token: SECRETS.token }, kind: 'token', secrets: [SECRETS.token] },
  {
    name: 'AK/SK with a security token',
    auth: { accessKey: 'AK1234', secretKey: SECRETS.secretKey, securityToken: SECRETS.securityToken },
    kind: 'aksk',
    secrets: [SECRETS.secretKey, SECRETS.securityToken],
  },
  { name: 'none (a proxy signs)', auth: undefined, kind: undefined, secrets: [] },
] as const;

/** Every way a connection or a client might end up shown: a log, a debugger, a JSON dump. */
const RENDERINGS: ReadonlyArray<[string, (value: unknown) => string]> = [
  ['util.inspect', (value) => inspect(value)],
  [
    'util.inspect, hidden fields, getters, all depths',
    (value) => inspect(value, { showHidden: true, getters: true, depth: Infinity }),
  ],
  ['JSON.stringify', (value) => JSON.stringify(value)],
  ['String', (value) => String(value)],
  [
    'template literal of each field',
    (value) =>
      Object.values(value as object)
        .map((field) => `${inspect(field, { showHidden: true, depth: Infinity })}`)
        .join(),
  ],
];

const options = (auth: EcsClientOptions['auth']): EcsClientOptions => ({
  endpoint: 'https://ecs.eu-de.otc.t-systems.com/',
  projectId: DEFAULT_PROJECT_ID,
  auth,
});

describe('createEcsConnection', () => {
  it.each(AUTHS)('holds endpoint, project, the kind of auth ($name) and a transport, nothing else', ({ auth, kind }) => {
    const ecs = createEcsConnection(options(auth));
    expect(Object.keys(ecs).sort()).toEqual(['auth', 'endpoint', 'projectId', 'transport']);
    expect(ecs).toMatchObject({ endpoint: 'https://ecs.eu-de.otc.t-systems.com', projectId: DEFAULT_PROJECT_ID, auth: kind });
  });

  describe.each(AUTHS)('never shows a secret: auth $name', ({ auth, secrets }) => {
    it.each(RENDERINGS)('%s of a connection and of a client', (_, render) => {
      for (const value of [createEcsConnection(options(auth)), createEcsClient(options(auth))]) {
        const shown = render(value);
        for (const secret of secrets) expect(shown).not.toContain(secret);
      }
    });
  });

  it('still masks the secrets in the errors it builds (they are kept in the transport, out of sight)', () => {
    const ecs = createEcsConnection(options(AUTHS[1].auth));
    expect(ecs.transport.secrets()).toEqual(AUTHS[1].secrets);
  });

  it.each([
    ['a bad endpoint', { endpoint: 'ftp://x' }, 'endpoint'],
    ['a misspelt option', { timout: 5 }, 'timout'],
    ['a bad project id', { projectId: '../p' }, 'projectId'],
  ])('refuses %s with an EcsInputError naming createEcsConnection', (_, override, path) => {
    const error = (() => {
      try {
        createEcsConnection({ ...options(undefined), ...override } as EcsClientOptions);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })() as EcsInputError;
    expect(error).toBeInstanceOf(EcsInputError);
    expect(error.message).toMatch(/^Invalid input to createEcsConnection\(\)/);
    expect(error.issues.map((issue) => issue.path)).toContain(path);
  });
});

describe('the standalone operations, over HTTP against the emulator', () => {
  const emulator = useEmulator({ jobDurationMs: FAST_JOB_MS });
  const connect = (make: (options: EcsClientOptions) => EcsConnection) =>
    make({ endpoint: emulator().url, projectId: DEFAULT_PROJECT_ID, auth: { token: DEFAULT_TOKEN } });

  /** Each operation, called on a connection, and what it must return. */
  const OPERATIONS: ReadonlyArray<[string, (ecs: EcsConnection) => Promise<unknown>, (result: unknown) => void]> = [
    [
      'getServer',
      (ecs) => getServer(ecs, SERVERS.kvmStopped),
      (server) => expect(server).toMatchObject({ id: SERVERS.kvmStopped }),
    ],
    ['listServers', (ecs) => listServers(ecs), (servers) => expect((servers as unknown[]).length).toBeGreaterThan(10)],
    [
      'listServersPage',
      (ecs) => listServersPage(ecs, { pageSize: 2 }),
      (page) => expect(page).toMatchObject({ servers: [{}, {}] }),
    ],
    [
      'listResizeFlavors',
      (ecs) => listResizeFlavors(ecs, SERVERS.kvmStopped),
      (flavors) => expect(flavors).toContainEqual(expect.objectContaining({ id: 's3.xlarge.2' })),
    ],
    [
      'listResizeFlavorsForFlavor',
      (ecs) => listResizeFlavorsForFlavor(ecs, 's3.large.2'),
      (flavors) => expect((flavors as unknown[]).length).toBeGreaterThan(0),
    ],
    [
      'listFlavors',
      (ecs) => listFlavors(ecs),
      (flavors) => expect(flavors).toContainEqual(expect.objectContaining({ id: 's3.large.2' })),
    ],
    [
      'listBlockDevices',
      (ecs) => listBlockDevices(ecs, SERVERS.kvmStopped),
      (devices) => expect((devices as unknown[]).length).toBeGreaterThan(0),
    ],
    ['listServerInterfaces', (ecs) => listServerInterfaces(ecs, SERVERS.nicHeavy), (nics) => expect(nics).toHaveLength(4)],
    ['getVolumes', (ecs) => getVolumes(ecs, []), (volumes) => expect(volumes).toEqual([])],
    [
      'collectFacts',
      (ecs) => collectFacts(ecs, SERVERS.kvmStopped, 's3.xlarge.2'),
      (facts) => expect(facts).toMatchObject({ target: { id: 's3.xlarge.2' } }),
    ],
  ];

  describe.each([
    ['a connection', createEcsConnection],
    ['a client passed as a connection', createEcsClient],
  ] as const)('on %s', (_, make) => {
    it.each(OPERATIONS)('%s works', async (_name, run, check) => {
      check(await run(connect(make)));
    });

    it('resize then waitForJob: one resize sent, the job followed to SUCCESS', async () => {
      const ecs = connect(make);
      const before = emulator().state.countRequests('resize');
      const { jobId } = await resize(ecs, SERVERS.kvmStopped, 's3.xlarge.2');
      expect(emulator().state.countRequests('resize')).toBe(before + 1);
      expect((await waitForJob(ecs, jobId!, FAST_WAIT)).status).toBe('SUCCESS');
      expect((await getJob(ecs, jobId!)).status).toBe('SUCCESS');
      await waitForJob(ecs, (await resize(ecs, SERVERS.kvmStopped, 's3.large.2')).jobId!, FAST_WAIT);
    });
  });

  it('signs with AK/SK on a connection as on a client', async () => {
    const ecs = createEcsConnection({
      endpoint: emulator().url,
      projectId: DEFAULT_PROJECT_ID,
      auth: { ...DEFAULT_CREDENTIALS },
    });
    expect(ecs.auth).toBe('aksk');
    expect((await getServer(ecs, SERVERS.kvmStopped)).id).toBe(SERVERS.kvmStopped);
  });

  it('a client and its connection share one flavor list: the second server costs no flavor request', async () => {
    const client = connect(createEcsClient) as ReturnType<typeof createEcsClient>;
    const before = emulator().state.countRequests('listFlavors');
    await client.collectFacts(SERVERS.kvmStopped, 's3.xlarge.2');
    await collectFacts(client, SERVERS.kvmRunning, 's3.xlarge.2');
    expect(emulator().state.countRequests('listFlavors')).toBe(before + 1);
  });

  it.each([
    ['getServer', (ecs: EcsConnection) => getServer(ecs, '../limits')],
    ['resize', (ecs: EcsConnection) => resize(ecs, SERVERS.kvmStopped, 's3/x')],
    ['waitForJob', (ecs: EcsConnection) => waitForJob(ecs, 'job?x')],
    ['collectFacts', (ecs: EcsConnection) => collectFacts(ecs, 'not-a-uuid', 's3.large.2')],
  ])('%s refuses a bad id before any request, naming itself', async (operation, run) => {
    const before = emulator().state.countRequests();
    const error = (await rejectionOf(run(connect(createEcsConnection)))) as EcsInputError;
    expect(error).toBeInstanceOf(EcsInputError);
    expect(error.message).toMatch(new RegExp(`^Invalid input to ${operation}\\(\\)`));
    expect(emulator().state.countRequests()).toBe(before);
  });
});
