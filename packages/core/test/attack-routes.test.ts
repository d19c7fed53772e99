import { DEFAULT_CREDENTIALS, DEFAULT_PROJECT_ID, SERVERS } from '@ecs-resize/emulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { API_ROUTES, apiCall, type RouteName } from '../src/http/routes.js';
import { createEcsClient, EcsInputError, type EcsClient, type Preflight } from '../src/index.js';
import { createProxyHandler, toNodeListener } from '../src/proxy/index.js';
import { FAST_JOB_MS, FAST_WAIT, rejectionOf, useEmulator } from './helpers.js';
import { listenOnLoopback, type LoopbackServer } from './loopback-server.js';

const PROJECT = DEFAULT_PROJECT_ID;
const BASE_PATH = '/ecs-proxy';
const SERVER = SERVERS.kvmStopped;
/** A preflight that passes everything: these tests are about the wire, not the rules. */
const PASS: Preflight = { check: () => ({ ok: true, findings: [] }) };

const emulator = useEmulator({ jobDurationMs: FAST_JOB_MS });

/** What the proxy was asked, and what it answered itself (a `PROXY.*` code) or passed on. */
interface Seen {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly status: number;
  readonly code: string | undefined;
}

let proxy: LoopbackServer | undefined;
let seen: Seen[] = [];

beforeAll(async () => {
  const handler = createProxyHandler({
    endpoint: emulator().url,
    evsEndpoint: emulator().url,
    projectId: PROJECT,
    auth: DEFAULT_CREDENTIALS,
    basePath: BASE_PATH,
  });
  proxy = await listenOnLoopback(
    toNodeListener(async (request) => {
      const response = await handler(request);
      const url = new URL(request.url);
      const body: unknown = await response
        .clone()
        .json()
        .catch(() => undefined);
      const code = (body as { error_code?: unknown } | undefined)?.error_code;
      seen.push({
        method: request.method,
        path: url.pathname.slice(BASE_PATH.length),
        query: url.searchParams,
        status: response.status,
        code: typeof code === 'string' && code.startsWith('PROXY.') ? code : undefined,
      });
      return response;
    }),
  );
});
afterAll(() => proxy?.close());
beforeEach(() => {
  seen = [];
});

/** The client of a browser console: no credentials, everything through the proxy. */
function proxiedClient(): EcsClient {
  return createEcsClient({ endpoint: `${proxy?.url ?? ''}${BASE_PATH}`, projectId: PROJECT, retry: 0 });
}

/** The route of a request, by its method and path, read from the table's templates. */
function routeOf(method: string, path: string): RouteName | undefined {
  const names = Object.keys(API_ROUTES) as RouteName[];
  return names.find((name) => {
    const route = API_ROUTES[name];
    const pattern = new RegExp(`^${route.path.replace(/\{\w+\}/g, '[^/]+').replaceAll('.', '\\.')}$`);
    return route.method === method && pattern.test(path);
  });
}

/** Every public call of the client, each with options that make it send every query key it can. */
const CLIENT_CALLS: { name: string; run: (client: EcsClient) => Promise<unknown> }[] = [
  { name: 'getServer', run: (client) => client.getServer(SERVER) },
  { name: 'listServers, every filter, pages of 2', run: (client) => client.listServers({ pageSize: 2 }) },
  {
    name: 'listServers with flavor, status and name',
    run: (client) => client.listServers({ flavor: 's3.large.2', status: 'SHUTOFF', name: 'kvm', pageSize: 50 }),
  },
  {
    name: 'listServersPage',
    run: (client) => client.listServersPage({ page: 2, pageSize: 3, flavor: 's3.large.2', status: 'SHUTOFF', name: 'kvm' }),
  },
  {
    name: 'listResizeFlavors, sorted, pages of 2 (marker)',
    run: (client) => client.listResizeFlavors(SERVER, { pageSize: 2, sortKey: 'name', sortDir: 'desc' }),
  },
  {
    name: 'listResizeFlavorsForFlavor (source_flavor_id), sorted, pages of 2',
    run: (client) => client.listResizeFlavorsForFlavor('s3.large.2', { pageSize: 2, sortKey: 'vcpus', sortDir: 'asc' }),
  },
  { name: 'listFlavors', run: (client) => client.listFlavors() },
  { name: 'listFlavors in an availability zone', run: (client) => client.listFlavors({ availabilityZone: 'eu-de-01' }) },
  { name: 'listBlockDevices', run: (client) => client.listBlockDevices(SERVERS.kvmScsi) },
  {
    name: 'getVolumes (EVS)',
    run: async (client) => client.getVolumes((await client.listBlockDevices(SERVERS.kvmScsi)).map((disk) => disk.volumeId)),
  },
  { name: 'collectFacts', run: (client) => client.collectFacts(SERVERS.kvmScsi, 'c6.xlarge.2') },
  { name: 'resize, dry run', run: (client) => client.resize(SERVERS.kvmScsi, 'c6.xlarge.2', { dryRun: true }) },
  {
    name: 'resize (v1) with a preflight, then getJob and waitForJob',
    run: async (client) => {
      const { jobId } = await client.resize(SERVER, 's3.xlarge.2', { preflight: PASS });
      await client.getJob(jobId ?? '');
      return client.waitForJob(jobId ?? '', FAST_WAIT);
    },
  },
  { name: 'resize with autoPay (v1.1)', run: (client) => client.resize(SERVERS.prepaid, 's3.xlarge.2', { autoPay: true }) },
  {
    // How @ecs-resize/fleet plans (its attack-routes.test.ts passes planFleet itself through the proxy).
    name: 'listServersPage, listResizeFlavorsForFlavor (resize_flavors per source flavor)',
    run: async (client) => {
      await client.listServersPage({ page: 1, pageSize: 1000 });
      return client.listResizeFlavorsForFlavor('s3.large.2');
    },
  },
];

describe('every client call passes the proxy: the proxy refuses nothing the client sends', () => {
  const used = new Map<RouteName, Set<string>>();

  it.each(CLIENT_CALLS)('$name', async ({ run }) => {
    await run(proxiedClient());
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((request) => request.code !== undefined)).toEqual([]);
    for (const request of seen) {
      const name = routeOf(request.method, request.path);
      expect(name, `${request.method} ${request.path}`).toBeDefined();
      const keys = used.get(name as RouteName) ?? new Set();
      for (const key of request.query.keys()) keys.add(key);
      used.set(name as RouteName, keys);
    }
  });

  it('together, those calls use every route of the table and every query key of each route', () => {
    const table = Object.fromEntries(Object.entries(API_ROUTES).map(([name, route]) => [name, [...route.query].sort()]));
    const sent = Object.fromEntries([...used].map(([name, keys]) => [name, [...keys].sort()]));
    expect(sent).toEqual(table);
  });
});

const server = `/v1/${PROJECT}/cloudservers/${SERVER}`;

/** Requests the client never makes: each is refused by the proxy, and nothing reaches the emulator. */
const NEVER_SENT: { name: string; method?: string; path: string; status: number; code: string }[] = [
  { name: 'cloudservers/limits (quotas)', path: `/v1/${PROJECT}/cloudservers/limits`, status: 403, code: 'PROXY.0403' },
  {
    name: 'cloudservers/os-server-groups',
    path: `/v1/${PROJECT}/cloudservers/os-server-groups`,
    status: 403,
    code: 'PROXY.0403',
  },
  { name: 'a server id that is not a UUID', path: `/v1/${PROJECT}/cloudservers/web-1`, status: 403, code: 'PROXY.0403' },
  { name: 'one block device', path: `${server}/block_device/vol-1`, status: 403, code: 'PROXY.0403' },
  { name: 'one NIC of a server', path: `${server}/os-interface/port-1`, status: 403, code: 'PROXY.0403' },
  {
    name: 'the NICs of a server, POST (attach)',
    method: 'POST',
    path: `${server}/os-interface`,
    status: 403,
    code: 'PROXY.0405',
  },
  {
    name: 'a flavor’s capacity',
    path: `/v1/${PROJECT}/cloudservers/flavors/s3.large.2/resources`,
    status: 403,
    code: 'PROXY.0403',
  },
  { name: 'the Nova API', path: `/v2.1/${PROJECT}/servers/${SERVER}`, status: 403, code: 'PROXY.0403' },
  { name: 'jobs under v1.1', path: `/v1.1/${PROJECT}/jobs/abc`, status: 403, code: 'PROXY.0403' },
  { name: 'one EVS volume', path: `/v2/${PROJECT}/cloudvolumes/vol-1`, status: 403, code: 'PROXY.0403' },
  { name: 'EVS v3', path: `/v3/${PROJECT}/cloudvolumes/detail`, status: 403, code: 'PROXY.0403' },
  {
    name: 'server actions (stop, start, delete)',
    method: 'POST',
    path: `/v1/${PROJECT}/cloudservers/action`,
    status: 403,
    code: 'PROXY.0403',
  },
  {
    name: 'another project',
    path: `/v1/0123456789abcdef0123456789abcdef/cloudservers/${SERVER}`,
    status: 403,
    code: 'PROXY.0431',
  },
  { name: 'DELETE a server', method: 'DELETE', path: server, status: 403, code: 'PROXY.0405' },
  { name: 'POST to a server', method: 'POST', path: server, status: 403, code: 'PROXY.0405' },
  { name: 'GET a resize', path: `${server}/resize`, status: 403, code: 'PROXY.0405' },
  { name: 'PUT a job', method: 'PUT', path: `/v1/${PROJECT}/jobs/abc`, status: 403, code: 'PROXY.0405' },
  { name: 'a query on getServer', path: `${server}?limit=1`, status: 403, code: 'PROXY.0432' },
  {
    name: 'source_flavor_name on resize_flavors',
    path: `/v1/${PROJECT}/cloudservers/resize_flavors?source_flavor_name=s3.large.2`,
    status: 403,
    code: 'PROXY.0432',
  },
  {
    name: 'server_id on cloudservers/detail',
    path: `/v1/${PROJECT}/cloudservers/detail?server_id=${SERVER}`,
    status: 403,
    code: 'PROXY.0432',
  },
  { name: 'marker on cloudservers/detail', path: `/v1/${PROJECT}/cloudservers/detail?marker=x`, status: 403, code: 'PROXY.0432' },
  { name: 'ids on flavors', path: `/v1/${PROJECT}/cloudservers/flavors?ids=x`, status: 403, code: 'PROXY.0432' },
  { name: 'ids twice on EVS', path: `/v2/${PROJECT}/cloudvolumes/detail?ids=a&ids=b`, status: 403, code: 'PROXY.0432' },
  { name: 'a query key on a resize', method: 'POST', path: `${server}/resize?dry_run=true`, status: 403, code: 'PROXY.0432' },
];

describe('what the client never sends, the proxy refuses, and nothing is forwarded', () => {
  it.each(NEVER_SENT)('$name → $status $code', async ({ method = 'GET', path, status, code }) => {
    const before = emulator().state.countRequests();
    const response = await fetch(`${proxy?.url ?? ''}${BASE_PATH}${path}`, {
      method,
      ...(method === 'POST'
        ? { headers: { 'Content-Type': 'application/json' }, body: '{"resize":{"flavorRef":"s3.xlarge.2"}}' }
        : {}),
    });
    expect([response.status, ((await response.json()) as { error_code: string }).error_code]).toEqual([status, code]);
    expect(emulator().state.countRequests()).toBe(before);
  });
});

describe('the client and the proxy agree on what a server id is', () => {
  it.each(['limits', 'os-server-groups', 'detail', 'web-1'])('the client refuses server id %j before sending', async (id) => {
    const error = await rejectionOf(proxiedClient().getServer(id));
    expect(error).toBeInstanceOf(EcsInputError);
    expect(seen).toEqual([]);
  });
});

describe('apiCall builds a route’s request from typed parameters', () => {
  it('encodes each parameter inside its segment and keeps the table’s method and service', () => {
    expect(apiCall(API_ROUTES.getJob, { project_id: 'p', job_id: 'a/b?c' })).toEqual({
      method: 'GET',
      service: 'ecs',
      path: '/v1/p/jobs/a%2Fb%3Fc',
      searchParams: {},
    });
    expect(apiCall(API_ROUTES.getVolumes, { project_id: 'p' }, { ids: "['v']" })).toMatchObject({
      service: 'evs',
      searchParams: { ids: "['v']" },
    });
    expect(apiCall(API_ROUTES.resizeWithPayment, { project_id: 'p', server_id: 's' })).toMatchObject({
      method: 'POST',
      path: '/v1.1/p/cloudservers/s/resize',
    });
  });

  it('a misspelt parameter or query key does not compile', () => {
    // @ts-expect-error -- getServer's parameter is server_id
    apiCall(API_ROUTES.getServer, { project_id: 'p', serverId: 's' });
    // @ts-expect-error -- getServer sends no query
    apiCall(API_ROUTES.getServer, { project_id: 'p', server_id: 's' }, { limit: 1 });
    // @ts-expect-error -- the key is instance_uuid
    apiCall(API_ROUTES.listResizeFlavors, { project_id: 'p' }, { instance_uid: 's' });
    // @ts-expect-error -- no such route
    expect(() => apiCall(API_ROUTES.getLimits, { project_id: 'p' })).toThrow();
  });
});
