/**
 * Hostile responses (issue 6, suite 5): a tiny node:http server on 127.0.0.1 answers the
 * client's paths with oversized, deeply nested, `__proto__`-carrying, wrongly typed and
 * truncated bodies. Every call must succeed with sane output or throw a typed `EcsError`
 * (never a raw TypeError / RangeError / SyntaxError), and `Object.prototype` must stay clean.
 */
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi, type ExpectStatic } from 'vitest';
import {
  createEcsClient,
  EcsApiError,
  EcsError,
  EcsNetworkError,
  EcsTimeoutError,
  isEcsError,
  type EcsClient,
} from '../src/index.js';
import { rejectionOf } from './helpers.js';

// A few cells at once: the 5 MB ones are CPU-bound, and more at once only stretch each of them
// towards its timeouts on a busy machine without ending the file any sooner.
vi.setConfig({ maxConcurrency: 4 });

/**
 * The client's timeout, and each body cell's: budgets that a call answered at once never comes
 * near, even for a 5 MB body parsed on a busy machine (work bound by the CPU, not by a timer).
 */
const CLIENT_TIMEOUT = 30_000;
const CELL_TIMEOUT = 60_000;

const PROJECT = 'hostile-project-0001';
const TOKEN = 'hostile-suite-token';
const FIVE_MB = 5 * 1024 * 1024;
const DEPTH = 10_000;

/** Which listing a path asks for. */
type Route = 'server' | 'servers' | 'resize_flavors' | 'flavors' | 'block_device' | 'volumes' | 'job' | 'resize';

function routeOf(path: string): Route {
  if (path.endsWith('/resize')) return 'resize';
  if (path.includes('/jobs/')) return 'job';
  if (path.includes('/cloudvolumes/')) return 'volumes';
  if (path.endsWith('/block_device')) return 'block_device';
  if (path.endsWith('/resize_flavors')) return 'resize_flavors';
  if (path.endsWith('/cloudservers/flavors')) return 'flavors';
  if (path.endsWith('/cloudservers/detail')) return 'servers';
  return 'server';
}

/** A well-formed item of each route. */
const VALID: Record<Route, Record<string, unknown>> = {
  server: {
    id: 'srv-1',
    name: 'web-1',
    status: 'SHUTOFF',
    'OS-EXT-STS:vm_state': 'stopped',
    'OS-EXT-STS:task_state': null,
    'OS-EXT-AZ:availability_zone': 'eu-de-01',
    locked: false,
    flavor: { id: 's3.large.2', name: 's3.large.2', vcpus: '2', ram: '4096', disk: '0' },
    metadata: { charging_mode: '0', EcmResStatus: 'normal', os_type: 'Linux' },
    'os-extended-volumes:volumes_attached': [{ id: 'vol-1', bootIndex: '0', device: '/dev/vda' }],
  },
  servers: {},
  resize_flavors: {
    id: 's3.xlarge.2',
    name: 's3.xlarge.2',
    vcpus: '4',
    ram: 8192,
    extra_specs: { 'ecs:virtualization_env_types': 'CloudCompute', 'ecs:generation': 's3', 'cond:operation:status': 'normal' },
  },
  flavors: {
    id: 's3.large.2',
    name: 's3.large.2',
    vcpus: '2',
    ram: 4096,
    os_extra_specs: {
      'ecs:virtualization_env_types': 'CloudCompute',
      'ecs:generation': 's3',
      'cond:operation:az': 'eu-de-01(normal)',
    },
  },
  block_device: { volumeId: 'vol-1', serverId: 'srv-1', id: 'vol-1', size: 40, device: '/dev/vda', bootIndex: 0, bus: 'virtio' },
  volumes: { id: 'vol-1', name: 'sys', status: 'in-use', size: 40, metadata: { 'hw:passthrough': 'false' } },
  job: { status: 'SUCCESS', job_id: 'job-1', job_type: 'resizeServer', entities: { server_id: 'srv-1' } },
  resize: { job_id: 'job-1' },
};
VALID.servers = VALID.server;

/** The success body of a route around one item. */
function envelope(route: Route, item: unknown): unknown {
  switch (route) {
    case 'server':
      return { server: item };
    case 'servers':
      return { count: 1, servers: [item] };
    case 'resize_flavors':
    case 'flavors':
      return { flavors: [item] };
    case 'block_device':
      return { volumeAttachments: [item] };
    case 'volumes':
      return { count: 1, volumes: [item] };
    case 'job':
    case 'resize':
      return item;
  }
}

/** What the hostile server answers. */
interface Reply {
  status: number;
  body: string | Buffer;
  contentType?: string;
  headers?: Record<string, string>;
}

const json = (status: number, body: unknown): Reply => ({ status, body: JSON.stringify(body) });
const raw = (status: number, body: string | Buffer, contentType = 'application/json;charset=UTF-8'): Reply => ({
  status,
  body,
  contentType,
});

/** `depth` levels of `{"a": …}` or `[…]` as JSON text. */
const deepObject = (depth: number, leaf = '1') => `${'{"a":'.repeat(depth)}${leaf}${'}'.repeat(depth)}`;
const deepArray = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const BIG = 'x'.repeat(FIVE_MB);
const BIG_ARRAY = `[${'0,'.repeat(FIVE_MB / 2)}0]`;

/** Replaces every value of a JSON-like tree with `replace(value)`, recursively. */
function mapLeaves(value: unknown, replace: (leaf: unknown) => unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => mapLeaves(item, replace));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapLeaves(item, replace)]));
  return replace(value);
}

/** Every object of a tree turned into an empty array. */
const arraysForObjects = (value: unknown): unknown =>
  Array.isArray(value) ? value.map(arraysForObjects) : value !== null && typeof value === 'object' ? [] : value;

/** The names a lookup table inherits from `Object.prototype`. */
const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString'] as const;

/** Puts `name` into every value the client uses as a key of a lookup table. */
function lookupKeysAs(route: Route, name: string): unknown {
  const item = structuredClone(VALID[route]);
  if (route === 'server' || route === 'servers') {
    item.metadata = { charging_mode: name, EcmResStatus: name, os_type: name };
    item['OS-EXT-AZ:availability_zone'] = name;
    item.status = name;
  }
  if (route === 'resize_flavors')
    item.extra_specs = { 'ecs:virtualization_env_types': name, 'ecs:generation': name, 'cond:operation:az': `${name}(sellout)` };
  if (route === 'flavors')
    item.os_extra_specs = {
      'ecs:virtualization_env_types': name,
      'cond:operation:status': name,
      'cond:operation:az': `${name}(${name})`,
    };
  if (route === 'volumes') item.metadata = { 'hw:passthrough': name };
  if (route === 'job') Object.assign(item, { status: name, job_id: name, error_code: name, fail_reason: name });
  if (route === 'resize') item.job_id = name;
  return envelope(route, item);
}

/** JSON text whose objects carry `__proto__`, `constructor` and `prototype` keys at every level. */
function prototypeKeys(route: Route): string {
  const poison = '"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"prototype":{"polluted":"yes"}';
  const specs = { 'ecs:generation': 's3' };
  const item = JSON.stringify({ ...VALID[route], metadata: { charging_mode: '0' }, extra_specs: specs, os_extra_specs: specs })
    .replaceAll('"metadata":{', `"metadata":{${poison},`)
    .replaceAll('"extra_specs":{', `"extra_specs":{${poison},`)
    .replace(/^\{/, `{${poison},`);
  const body = JSON.stringify(envelope(route, { __item__: true }))
    .replace('{"__item__":true}', item)
    .replace(/^\{/, `{${poison},`);
  JSON.parse(body); // the poison must reach the client as valid JSON
  return body;
}

/** A hostile answer for every route. */
interface Hostile {
  name: string;
  reply(route: Route): Reply;
}

const HOSTILE: Hostile[] = [
  // Oversized.
  { name: 'a valid body padded to 5 MB', reply: (route) => json(200, envelope(route, { ...VALID[route], padding: BIG })) },
  { name: 'a 5 MB array instead of an object', reply: () => raw(200, BIG_ARRAY) },
  { name: 'a 5 MB error message (500)', reply: () => json(500, { error: { code: 'Ecs.0001', message: BIG } }) },
  // Deeply nested.
  { name: `an object nested ${DEPTH} levels`, reply: () => raw(200, deepObject(DEPTH)) },
  { name: `an array nested ${DEPTH} levels`, reply: () => raw(200, deepArray(DEPTH)) },
  {
    name: `a valid body with an extra field nested ${DEPTH} levels`,
    reply: (route) =>
      raw(200, JSON.stringify(envelope(route, { ...VALID[route], deep: '__deep__' })).replace('"__deep__"', deepObject(DEPTH))),
  },
  {
    name: `an error body nested ${DEPTH} levels (500)`,
    reply: () => raw(500, deepObject(DEPTH, '{"code":"Ecs.0001","message":"deep"}')),
  },
  {
    name: `an error body nested ${DEPTH} levels (400)`,
    reply: () => raw(400, deepObject(DEPTH, '{"error_code":"Ecs.0005","error_msg":"deep"}')),
  },
  // Prototype names.
  { name: '__proto__ / constructor / prototype keys everywhere', reply: (route) => raw(200, prototypeKeys(route)) },
  {
    name: '__proto__ / constructor / prototype keys in an error body (400)',
    reply: () =>
      raw(
        400,
        `{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"error":{"__proto__":{"code":"x"},"code":"Ecs.0005","message":"m"}}`,
      ),
  },
  ...PROTOTYPE_NAMES.map((name) => ({
    name: `"${name}" as every value the client looks up`,
    reply: (route: Route) => json(200, lookupKeysAs(route, name)),
  })),
  ...PROTOTYPE_NAMES.map((name) => ({
    name: `error code "${name}" (400)`,
    reply: () => json(400, { error_code: name, error_msg: name, request_id: name }),
  })),
  ...PROTOTYPE_NAMES.map((name) => ({
    name: `error code "${name}" in a 200 envelope`,
    reply: () => json(200, { error: { code: name, message: name } }),
  })),
  // Wrongly typed.
  ...['null', '[]', '42', '"text"', 'true', '{}'].map((body) => ({ name: `the body ${body}`, reply: () => raw(200, body) })),
  {
    name: 'null for the envelope',
    reply: (route: Route) =>
      json(200, route === 'job' || route === 'resize' ? null : mapLeaves(envelope(route, null), () => null)),
  },
  {
    name: 'null for every field',
    reply: (route: Route) =>
      json(
        200,
        envelope(
          route,
          mapLeaves(VALID[route], () => null),
        ),
      ),
  },
  {
    name: 'numbers for every string',
    reply: (route: Route) =>
      json(
        200,
        envelope(
          route,
          mapLeaves(VALID[route], (leaf) => (typeof leaf === 'string' ? 7 : leaf)),
        ),
      ),
  },
  {
    name: 'strings for every number and boolean',
    reply: (route: Route) =>
      json(
        200,
        envelope(
          route,
          mapLeaves(VALID[route], (leaf) => (typeof leaf === 'number' || typeof leaf === 'boolean' ? String(leaf) : leaf)),
        ),
      ),
  },
  { name: 'arrays for every object', reply: (route: Route) => json(200, arraysForObjects(envelope(route, VALID[route]))) },
  {
    name: 'objects for the lists',
    reply: (route: Route) => raw(200, JSON.stringify(envelope(route, VALID[route])).replace(/:\[(.*)\]/, ':{"0":$1}')),
  },
  {
    name: 'null items in the lists',
    reply: (route: Route) => raw(200, JSON.stringify(envelope(route, VALID[route])).replace(/:\[(.*)\]/, ':[null,$1,7,"x",[]]')),
  },
  { name: 'a wrongly typed error body (400)', reply: () => json(400, { error_code: 5, error_msg: [], request_id: 7 }) },
  { name: 'a null error (500)', reply: () => json(500, { error: null }) },
  { name: 'an error with object code and numeric message (400)', reply: () => json(400, { error: { code: {}, message: 5 } }) },
  {
    name: 'an error with malformed details (400)',
    reply: () => json(400, { error: { code: 'Ecs.0005', message: 'm', details: [null, 1, 'x', { code: 5, message: {} }, []] } }),
  },
  {
    name: 'details that are not a list (400)',
    reply: () => json(400, { error: { code: 'Ecs.0005', message: 'm', details: 'x' } }),
  },
  // Truncated and not JSON.
  {
    name: 'a valid body truncated in half',
    reply: (route) => {
      const text = JSON.stringify(envelope(route, VALID[route]));
      return raw(200, text.slice(0, text.length >> 1));
    },
  },
  { name: 'a body of one "{"', reply: () => raw(200, '{') },
  {
    name: 'a valid body with trailing garbage',
    reply: (route) => raw(200, `${JSON.stringify(envelope(route, VALID[route]))}}}`),
  },
  {
    name: 'a valid body after a byte-order mark',
    reply: (route) => raw(200, `\ufeff${JSON.stringify(envelope(route, VALID[route]))}`),
  },
  { name: 'an error body truncated in half (500)', reply: () => raw(500, '{"error":{"code":"Ecs.0001","mess') },
  { name: 'bytes that are not UTF-8', reply: () => raw(200, Buffer.from([0xff, 0xfe, 0x7b, 0x80, 0xc3, 0x28, 0x7d])) },
  {
    name: 'an HTML page with status 200',
    reply: () => raw(200, '<html><head><title>Login</title></head><body>sign in</body></html>', 'text/html'),
  },
];

/** The hostile server: the first path segment names the hostile answer. */
let server: HttpServer;
let baseUrl = '';
const variants = new Map<string, Hostile>(HOSTILE.map((hostile, index) => [`h${index}`, hostile]));
/** Each reply is built once (the 5 MB ones are costly) and served as often as asked. */
const replies = new Map<string, Reply>();

function serve(request: IncomingMessage, response: ServerResponse): void {
  request.resume();
  const [, key = '', ...rest] = (request.url ?? '/').split('?')[0]!.split('/');
  const hostile = variants.get(key);
  if (!hostile) {
    response.writeHead(404).end();
    return;
  }
  const route = routeOf(`/${rest.join('/')}`);
  const cacheKey = `${key} ${route}`;
  const reply = replies.get(cacheKey) ?? hostile.reply(route);
  replies.set(cacheKey, reply);
  // A connection per request: no keep-alive socket is ever reused as the server closes it.
  response.writeHead(reply.status, {
    'Content-Type': reply.contentType ?? 'application/json;charset=UTF-8',
    Connection: 'close',
    ...reply.headers,
  });
  response.end(reply.body);
}

beforeAll(async () => {
  server = createServer(serve);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const clientFor = (key: string): EcsClient =>
  createEcsClient({
    endpoint: `${baseUrl}/${key}`,
    projectId: PROJECT,
    auth: { token: TOKEN },
    retry: 0,
    timeout: CLIENT_TIMEOUT,
  });

/** The calls of the client, each with the check of a successful result. */
const CALLS: { name: string; run(client: EcsClient): Promise<unknown> }[] = [
  { name: 'getServer', run: (client) => client.getServer('0c8a3f4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b') },
  { name: 'listServers', run: (client) => client.listServers() },
  { name: 'listResizeFlavors', run: (client) => client.listResizeFlavors('0c8a3f4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b') },
  { name: 'listFlavors', run: (client) => client.listFlavors() },
  { name: 'listBlockDevices', run: (client) => client.listBlockDevices('0c8a3f4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b') },
  { name: 'getVolumes', run: (client) => client.getVolumes(['vol-1']) },
  { name: 'getJob', run: (client) => client.getJob('job-1') },
  { name: 'waitForJob', run: (client) => client.waitForJob('job-1', { interval: 20, maxInterval: 50, timeout: 1500 }) },
  { name: 'resize', run: (client) => client.resize('0c8a3f4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b', 's3.xlarge.2') },
  { name: 'collectFacts', run: (client) => client.collectFacts('0c8a3f4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b', 's3.xlarge.2') },
];

/**
 * Sane output is JSON-like data: strings, finite numbers, booleans, null, arrays and plain
 * objects (never a function, never `Object.prototype` itself, no `polluted` key inherited).
 * Pass-through fields (looseObject) may keep an own `"__proto__"` key as JSON.parse made it:
 * that is data, not pollution, and is allowed here.
 */
function expectSaneData(expect: ExpectStatic, value: unknown, where = 'result', depth = 0): void {
  if (depth > 200) return; // a pass-through field may be nested deeper; its top was checked
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  expect(typeof value, `${where} is data`).not.toBe('function');
  if (typeof value === 'number') {
    expect(Number.isFinite(value), where).toBe(true);
    return;
  }
  expect(typeof value, where).toBe('object');
  expect(value, `${where} is not Object.prototype`).not.toBe(Object.prototype);
  if (!Array.isArray(value))
    expect([Object.prototype, null], `${where} is a plain object`).toContain(Object.getPrototypeOf(value));
  // An own `polluted` is data (a pass-through field may hold an own "__proto__" key, as JSON.parse makes it); an inherited one is pollution.
  if (!Object.hasOwn(value as object, 'polluted'))
    expect((value as { polluted?: unknown }).polluted, `${where}.polluted is inherited`).toBeUndefined();
  for (const [key, item] of Object.entries(value as object)) expectSaneData(expect, item, `${where}.${key}`, depth + 1);
}

/** Extra checks of the normalised facts: each enumeration holds one of its values or nothing. */
function expectSaneFacts(expect: ExpectStatic, facts: unknown): void {
  const { server: fact, target } = facts as {
    server: {
      chargingMode?: unknown;
      frozen?: unknown;
      locked?: unknown;
      flavor: Record<string, unknown>;
      disks: { type: unknown }[];
    };
    target: Record<string, unknown>;
  };
  expect([undefined, 'postPaid', 'prePaid', 'spot'], 'chargingMode').toContain(fact.chargingMode);
  expect([undefined, true, false], 'frozen').toContain(fact.frozen);
  expect([undefined, true, false], 'locked').toContain(fact.locked);
  for (const flavor of [fact.flavor, target]) {
    expect([undefined, 'xen', 'kvm'], 'virtualization').toContain(flavor.virtualization);
    expect(['undefined', 'string'], 'generation').toContain(typeof flavor.generation);
    expect(['undefined', 'string'], 'saleStatus').toContain(typeof flavor.saleStatus);
  }
  for (const disk of fact.disks) expect(['VBD', 'SCSI']).toContain(disk.type);
}

/** A typed error whose fields have the documented types and whose message is plain text. */
function expectTypedError(expect: ExpectStatic, error: unknown): void {
  expect(
    isEcsError(error),
    `a typed EcsError, got ${error instanceof Error ? `${error.name}: ${error.message.slice(0, 200)}` : String(error)}`,
  ).toBe(true);
  expect(error).toBeInstanceOf(EcsError);
  const typed = error as EcsError;
  expect(typeof typed.message).toBe('string');
  expect(typed.message).not.toMatch(/\[native code\]|\[object Object\]|function \w*\(/);
  expect(typeof typed.mayHaveTakenEffect).toBe('boolean');
  if (error instanceof EcsApiError) {
    for (const field of ['code', 'apiMessage', 'requestId', 'hint'] as const) {
      expect(['undefined', 'string'], `EcsApiError.${field} is ${String(error[field]).slice(0, 80)}`).toContain(
        typeof error[field],
      );
    }
    for (const detail of error.details) {
      expect(['undefined', 'string']).toContain(typeof detail.code);
      expect(['undefined', 'string']).toContain(typeof detail.message);
    }
  }
}

/** Own keys of the prototypes a pollution would touch. */
const protoSnapshot = () =>
  [Reflect.ownKeys(Object.prototype), Reflect.ownKeys(Array.prototype), Reflect.ownKeys(Function.prototype)].map((keys) =>
    keys.map(String).sort(),
  );
const PROTO_BEFORE = protoSnapshot();

function expectNoPollution(expect: ExpectStatic): void {
  expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  expect(([] as unknown as { polluted?: unknown }).polluted).toBeUndefined();
  expect(protoSnapshot()).toEqual(PROTO_BEFORE);
}

describe.concurrent('hostile bodies: every call succeeds sanely or throws a typed EcsError', { timeout: CELL_TIMEOUT }, () => {
  for (const [key, hostile] of variants) {
    for (const call of CALLS) {
      it(`${call.name} × ${hostile.name}`, async ({ expect }) => {
        const outcome = await call.run(clientFor(key)).then(
          (result) => ({ result }),
          (error: unknown) => ({ error }),
        );
        if ('error' in outcome) {
          expectTypedError(expect, outcome.error);
          // The server answered at once, in full: the error must not claim there was no answer.
          expect(outcome.error).not.toBeInstanceOf(EcsNetworkError);
          expect(outcome.error).not.toBeInstanceOf(EcsTimeoutError);
        } else {
          expectSaneData(expect, outcome.result);
          if (call.name === 'collectFacts') expectSaneFacts(expect, outcome.result);
        }
        expectNoPollution(expect);
      });
    }
  }
});

describe('hostile connections', () => {
  /** A one-off server on 127.0.0.1, closed (with its sockets) after `body`. */
  async function withServer(
    handler: (request: IncomingMessage, response: ServerResponse) => void,
    body: (url: string) => Promise<void>,
  ): Promise<void> {
    const other = createServer(handler);
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    try {
      await body(`http://127.0.0.1:${(other.address() as AddressInfo).port}`);
    } finally {
      other.closeAllConnections();
      await new Promise<void>((resolve) => other.close(() => resolve()));
    }
  }

  // A stalled success body is a timeout; a stalled error body still leaves the status to report.
  for (const [status, expected] of [
    [200, EcsTimeoutError],
    [500, EcsApiError],
  ] as const) {
    it(`a ${status} whose body stalls after the headers → ${expected.name} at the timeout, not a hang`, async () => {
      await withServer(
        (request, response) => {
          request.resume();
          response.writeHead(status, { 'Content-Type': 'application/json' });
          response.write('{"server": {"id": "srv-1", '); // and never more
        },
        async (url) => {
          // The body never ends, so the timeout must end the call (a hang fails the test at its own timeout).
          const client = createEcsClient({ endpoint: url, projectId: PROJECT, auth: { token: TOKEN }, retry: 0, timeout: 300 });
          const error = await rejectionOf(client.getServer('0c8a3f4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b'));
          expectTypedError(expect, error);
          expect(error).toBeInstanceOf(expected);
        },
      );
    });
  }

  it('a Content-Length longer than the body, then the connection closes → a typed error', async () => {
    await withServer(
      (request, response) => {
        request.resume();
        response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '1000' });
        // Once the part is written, the connection closes: the client learns of it by an event, not by its timeout.
        response.write('{"server": {"id": "srv-1"', () => response.socket?.end());
      },
      async (url) => {
        const client = createEcsClient({
          endpoint: url,
          projectId: PROJECT,
          auth: { token: TOKEN },
          retry: 0,
          timeout: CLIENT_TIMEOUT,
        });
        const error = await rejectionOf(client.getServer('0c8a3f4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b'));
        expectTypedError(expect, error);
        expect(error).not.toBeInstanceOf(EcsTimeoutError);
      },
    );
  });

  for (const status of [301, 302, 307, 308]) {
    it(`a ${status} redirect to another origin never carries the token or the security token there`, async () => {
      const seen: Record<string, string | string[] | undefined>[] = [];
      await withServer(
        (request, response) => {
          request.resume();
          seen.push(request.headers);
          response
            .writeHead(200, { 'Content-Type': 'application/json' })
            .end(JSON.stringify({ server: VALID.server, job_id: 'job-1' }));
        },
        async (elsewhere) =>
          withServer(
            (request, response) => {
              request.resume();
              response.writeHead(status, { Location: `${elsewhere}${request.url}` }).end();
            },
            async (url) => {
              const securityToken = 'hostile-suite-security-token';
              const clients = [
                createEcsClient({ endpoint: url, projectId: PROJECT, auth: { token: TOKEN }, retry: 0 }),
                createEcsClient({
                  endpoint: url,
                  projectId: PROJECT,
                  auth: { accessKey: 'HOSTILEAK', secretKey: 'hostile-secret', securityToken },
                  retry: 0,
                }),
              ];
              for (const client of clients) {
                for (const run of [
                  () => client.getServer('0c8a3f4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b'),
                  () => client.resize('0c8a3f4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b', 's3.xlarge.2'),
                ]) {
                  const outcome = await run().then(
                    () => undefined,
                    (error: unknown) => error,
                  );
                  if (outcome !== undefined) expectTypedError(expect, outcome);
                }
              }
              const leaked = seen.filter(
                (headers) => JSON.stringify(headers).includes(TOKEN) || JSON.stringify(headers).includes(securityToken),
              );
              expect(
                leaked.map((headers) => Object.keys(headers).filter((name) => /token|authorization/i.test(name))),
                'credentials that reached the other origin',
              ).toEqual([]);
            },
          ),
      );
    });
  }
});

describe('Object.prototype after every hostile body', () => {
  it('is not polluted', () => {
    expectNoPollution(expect);
  });
});
