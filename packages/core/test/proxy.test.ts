import { Agent, createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  DEFAULT_CREDENTIALS,
  DEFAULT_PROJECT_ID,
  DEFAULT_TOKEN,
  SERVERS,
  startEmulator,
  type Emulator,
} from '@ecs-resize/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEcsClient, EcsApiError, type EcsClient } from '../src/index.js';
import { createProxyHandler, toNodeListener, type ProxyHandler, type ProxyOptions } from '../src/proxy/index.js';
import { FAST_JOB_MS, FAST_WAIT, HOLD, clientOf, rejectionOf, useEmulator } from './helpers.js';

const PROJECT = DEFAULT_PROJECT_ID;
const BASE_PATH = '/ecs-proxy';
const SERVER = SERVERS.kvmStopped;
/** What must never appear in anything the proxy answers. */
const SECRETS = [DEFAULT_CREDENTIALS.secretKey, DEFAULT_TOKEN];
/** The headers the proxy may answer with: the upstream's safe ones and its own security headers. */
const ANSWER_HEADERS = new Set([
  'content-type',
  'x-request-id',
  'retry-after',
  'cache-control',
  'x-content-type-options',
  'content-security-policy',
]);
const JSON_TYPE = { 'Content-Type': 'application/json' };

/** A node:http server on 127.0.0.1 serving `handler` through `toNodeListener`. */
async function serveOverHttp(handler: ProxyHandler): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(toNodeListener(handler));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A request as written on the wire. */
interface RawRequest {
  method?: string;
  /** The request target exactly as sent (fetch would resolve `..` and backslashes). */
  path: string;
  headers?: Record<string, string>;
  /** A body sent with a Content-Length. */
  body?: string;
  /** A body sent in chunks, with no Content-Length. */
  chunks?: string[];
  /** The connection pool. @default the global agent */
  agent?: Agent;
}

/** An answer as read off the wire. */
interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Sends a request with node:http, the target untouched. */
function rawRequest(base: string, request: RawRequest): Promise<RawResponse> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    let answered = false;
    const { method = 'GET', path, headers, agent } = request;
    const outgoing = httpRequest({ hostname, port, method, path, headers, ...(agent ? { agent } : {}) }, (response) => {
      answered = true;
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    // A refused body may still be on its way when the answer comes: that error is not the test's.
    outgoing.on('error', (error) => answered || reject(error));
    if (request.chunks) {
      for (const chunk of request.chunks) outgoing.write(chunk);
      outgoing.end();
    } else {
      outgoing.end(request.body);
    }
  });
}

/** A `fetch` that records the headers of every upstream request before sending it. */
function recordingFetch(): { fetch: typeof fetch; sent: Headers[] } {
  const sent: Headers[] = [];
  return {
    sent,
    fetch: (input, init) => {
      sent.push(new Headers(input instanceof Request ? input.headers : init?.headers));
      return fetch(input, init);
    },
  };
}

/**
 * A signing proxy (AK/SK unless `options` says otherwise) in front of an emulator, served over
 * HTTP for the suite; it records the headers it sends upstream.
 */
function useProxy(emulator: () => Emulator, options: Partial<ProxyOptions> = {}) {
  const recorder = recordingFetch();
  let server: Awaited<ReturnType<typeof serveOverHttp>> | undefined;
  beforeAll(async () => {
    const handler = createProxyHandler({
      endpoint: emulator().url,
      projectId: PROJECT,
      auth: DEFAULT_CREDENTIALS,
      basePath: BASE_PATH,
      fetch: recorder.fetch,
      ...options,
    });
    server = await serveOverHttp(handler);
  });
  afterAll(() => server?.close());
  return {
    url: () => {
      if (!server) throw new Error('the proxy starts in beforeAll');
      return server.url;
    },
    sent: recorder.sent,
  };
}

/** A browser-side client of the proxy: no credentials of its own. */
function proxiedClient(proxyUrl: string, projectId = PROJECT): EcsClient {
  return createEcsClient({ endpoint: `${proxyUrl}${BASE_PATH}`, projectId, retry: 0 });
}

/** A proxy handler in front of `emulator`, called directly (fetch style). */
function handlerOf(emulator: Emulator, options: Partial<ProxyOptions> = {}): ProxyHandler {
  return createProxyHandler({
    endpoint: emulator.url,
    projectId: PROJECT,
    auth: DEFAULT_CREDENTIALS,
    basePath: BASE_PATH,
    ...options,
  });
}

/** A request to the handler for `path` under the base path. */
function requestFor(path: string, init?: RequestInit): Request {
  return new Request(`http://console.example${BASE_PATH}${path}`, init);
}

describe('the client through the proxy, over HTTP end to end (AK/SK)', () => {
  // The emulator takes AK/SK signatures only: an answer proves the proxy signed the call.
  const emulator = useEmulator({ auth: { tokens: [] }, jobDurationMs: FAST_JOB_MS });
  const proxy = useProxy(emulator);
  const direct = () => clientOf(emulator(), { auth: DEFAULT_CREDENTIALS });

  it('reads every look-up exactly as a direct client does', async () => {
    const client = proxiedClient(proxy.url());
    const before = emulator().state.countRequests();
    const volumeIds = [...emulator().state.volumes.keys()].slice(0, 3);
    const proxied = await Promise.all([
      client.getServer(SERVER),
      client.listServers({ pageSize: 5, status: 'SHUTOFF' }),
      client.listResizeFlavors(SERVERS.xenStopped, { pageSize: 3, sortKey: 'name', sortDir: 'asc' }),
      client.listFlavors({ availabilityZone: 'eu-de-01' }),
      client.listBlockDevices(SERVERS.kvmScsi),
      client.getVolumes(volumeIds),
    ]);
    const proxiedCount = emulator().state.countRequests() - before;
    const expected = await Promise.all([
      direct().getServer(SERVER),
      direct().listServers({ pageSize: 5, status: 'SHUTOFF' }),
      direct().listResizeFlavors(SERVERS.xenStopped, { pageSize: 3, sortKey: 'name', sortDir: 'asc' }),
      direct().listFlavors({ availabilityZone: 'eu-de-01' }),
      direct().listBlockDevices(SERVERS.kvmScsi),
      direct().getVolumes(volumeIds),
    ]);
    expect(proxied).toEqual(expected);
    expect(proxied[5]).toHaveLength(3);
    expect(proxiedCount).toBeGreaterThan(6); // paging went through the proxy too
    expect(proxy.sent.at(-1)?.get('authorization')).toMatch(
      new RegExp(`^SDK-HMAC-SHA256 Access=${DEFAULT_CREDENTIALS.accessKey}, `),
    );
  });

  it('resizes through v1, then waitForJob sees the job succeed', async () => {
    const client = proxiedClient(proxy.url());
    const { jobId } = await client.resize(SERVER, 's3.xlarge.2');
    expect(jobId).toMatch(/^[0-9a-f]{32}$/);
    expect((await client.waitForJob(jobId!, FAST_WAIT)).status).toBe('SUCCESS');
    expect((await client.getServer(SERVER)).flavor.id).toBe('s3.xlarge.2');
    expect(emulator().state.resizeJobs.at(-1)).toMatchObject({
      jobId,
      serverId: SERVER,
      flavorRef: 's3.xlarge.2',
      apiVersion: 'v1',
    });
  });

  it("resizes through v1.1 (autoPay) and passes a dry run's empty 202 back", async () => {
    const client = proxiedClient(proxy.url());
    const paid = await client.resize(SERVERS.prepaid, 's3.xlarge.2', { autoPay: true });
    expect(paid.orderId).toBeDefined();
    expect(emulator().state.resizeJobs.at(-1)).toMatchObject({ serverId: SERVERS.prepaid, apiVersion: 'v1.1' });
    const accepted = emulator().state.resizeJobs.length;
    expect(await client.resize(SERVERS.kvmRunning, 's3.xlarge.2', { dryRun: true, mode: 'withStopServer' })).toEqual({});
    expect(emulator().state.resizeJobs).toHaveLength(accepted);
  });

  it('collects the same facts as a direct client', async () => {
    const facts = await proxiedClient(proxy.url()).collectFacts(SERVERS.xenStopped, 's3.large.2');
    expect(facts).toEqual(await direct().collectFacts(SERVERS.xenStopped, 's3.large.2'));
    expect(facts.server.disks.length).toBeGreaterThan(1);
  });

  it('passes API errors through, and refuses a client of another project', async () => {
    const missing = await rejectionOf(proxiedClient(proxy.url()).getServer('6f1b3c2a-0d4e-4b7a-9c11-2a5e8f0000ff'));
    expect(missing).toBeInstanceOf(EcsApiError);
    expect(missing).toMatchObject({ status: 404, code: 'Ecs.0114' });
    const before = emulator().state.countRequests();
    const other = await rejectionOf(proxiedClient(proxy.url(), '0123456789abcdef0123456789abcdef').getServer(SERVER));
    expect(other).toMatchObject({ status: 403, code: 'PROXY.0431' });
    expect(emulator().state.countRequests()).toBe(before);
  });
});

describe('the client through the proxy with an IAM token', () => {
  // The emulator takes tokens only.
  const emulator = useEmulator({ auth: { credentials: [] }, jobDurationMs: FAST_JOB_MS });
  const proxy = useProxy(emulator, { auth: { token: DEFAULT_TOKEN } });

  it('sends the token as X-Auth-Token and nothing else of the kind', async () => {
    const client = proxiedClient(proxy.url());
    expect((await client.getServer(SERVER)).id).toBe(SERVER);
    const { jobId } = await client.resize(SERVER, 's3.xlarge.2');
    expect((await client.waitForJob(jobId!, FAST_WAIT)).status).toBe('SUCCESS');
    const sent = proxy.sent.at(-1);
    expect(sent?.get('x-auth-token')).toBe(DEFAULT_TOKEN);
    expect(sent?.has('authorization')).toBe(false);
    expect(sent?.has('x-project-id')).toBe(false);
  });
});

describe('the proxy as a fetch-style handler', () => {
  const emulator = useEmulator({ auth: { tokens: [] }, jobDurationMs: FAST_JOB_MS });

  it('serves a client whose fetch calls the handler directly', async () => {
    const handler = handlerOf(emulator());
    const client = createEcsClient({
      endpoint: `http://console.example${BASE_PATH}`,
      projectId: PROJECT,
      fetch: (input, init) => handler(new Request(input, init)),
    });
    expect((await client.getServer(SERVERS.xenRunning)).status).toBe('ACTIVE');
    expect(await client.listBlockDevices(SERVERS.xenRunning)).toHaveLength(2);
  });

  it('sends cloudvolumes to evsEndpoint and the rest to endpoint', async () => {
    const evs = await startEmulator({ auth: { tokens: [] } });
    try {
      const handler = handlerOf(emulator(), { evsEndpoint: `${evs.url}/` });
      const client = createEcsClient({
        endpoint: `http://console.example${BASE_PATH}`,
        projectId: PROJECT,
        fetch: (input, init) => handler(new Request(input, init)),
      });
      const volumes = await client.getVolumes([...evs.state.volumes.keys()].slice(0, 2));
      expect(volumes).toHaveLength(2);
      expect(evs.state.countRequests('getVolumes')).toBe(1);
      expect(emulator().state.countRequests('getVolumes')).toBe(0);
      await client.getServer(SERVER);
      expect(evs.state.countRequests('getServer')).toBe(0);
    } finally {
      await evs.close();
    }
  });

  it('refuses a path that keeps an encoded slash after URL parsing', async () => {
    const before = emulator().state.countRequests();
    const response = await handlerOf(emulator())(requestFor(`/v1/${PROJECT}/cloudservers/${SERVER}%2Fresize`));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error_code: 'PROXY.0410' });
    expect(emulator().state.countRequests()).toBe(before);
  });

  it('accepts a body of exactly maxBodyBytes and refuses one byte more', async () => {
    const body = JSON.stringify({ resize: { flavorRef: 's3.xlarge.2' }, dry_run: true });
    const post = (maxBodyBytes: number) =>
      handlerOf(emulator(), { maxBodyBytes })(
        requestFor(`/v1/${PROJECT}/cloudservers/${SERVER}/resize`, { method: 'POST', headers: JSON_TYPE, body }),
      );
    expect((await post(body.length)).status).toBe(202);
    const before = emulator().state.countRequests();
    const over = await post(body.length - 1);
    expect(over.status).toBe(413);
    expect(await over.json()).toMatchObject({ error_code: 'PROXY.0413' });
    expect(emulator().state.countRequests()).toBe(before);
  });

  it('refuses a Content-Length over maxBodyBytes without reading the body', async () => {
    let pulled = false;
    const body = new ReadableStream<Uint8Array>({ pull: () => void (pulled = true) }, { highWaterMark: 0 });
    const init = { method: 'POST', headers: { ...JSON_TYPE, 'Content-Length': '70000' }, body, duplex: 'half' };
    const response = await handlerOf(emulator())(requestFor(`/v1/${PROJECT}/cloudservers/${SERVER}/resize`, init as RequestInit));
    expect(response.status).toBe(413);
    expect(pulled).toBe(false);
  });

  it('stops reading an endless body once it passes maxBodyBytes', async () => {
    let pulls = 0;
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>(
      {
        pull: (controller) => void (pulls++, controller.enqueue(new Uint8Array(16 * 1024))),
        cancel: () => void (cancelled = true),
      },
      { highWaterMark: 0 },
    );
    const init = { method: 'POST', headers: JSON_TYPE, body, duplex: 'half' };
    const response = await handlerOf(emulator())(requestFor(`/v1/${PROJECT}/cloudservers/${SERVER}/resize`, init as RequestInit));
    expect(response.status).toBe(413);
    expect(cancelled).toBe(true);
    expect(pulls).toBeLessThanOrEqual(6); // 64 KiB are 4 chunks of 16 KiB; the 5th passes the limit
  });
});

describe('what the proxy refuses, over HTTP: never sent upstream', () => {
  const emulator = useEmulator({ jobDurationMs: FAST_JOB_MS });
  const proxy = useProxy(emulator);
  const server = `${BASE_PATH}/v1/${PROJECT}/cloudservers/${SERVER}`;
  const resize = `${server}/resize`;
  const resizeBody = JSON.stringify({ resize: { flavorRef: 's3.xlarge.2' } });
  const oversized = JSON.stringify({ resize: { flavorRef: 's3.xlarge.2' }, padding: 'x'.repeat(70_000) });

  const cases: (RawRequest & { name: string; status: number; code: string })[] = [
    {
      name: 'a method the path does not allow (DELETE a server)',
      method: 'DELETE',
      path: server,
      status: 403,
      code: 'PROXY.0405',
    },
    { name: 'GET on the resize path', path: resize, status: 403, code: 'PROXY.0405' },
    {
      name: 'the batch stop API, cloudservers/action (not a server id: no route fits)',
      method: 'POST',
      path: `${BASE_PATH}/v1/${PROJECT}/cloudservers/action`,
      headers: JSON_TYPE,
      body: JSON.stringify({ 'os-stop': { type: 'HARD', servers: [{ id: SERVER }] } }),
      status: 403,
      code: 'PROXY.0403',
    },
    { name: 'a CORS preflight', method: 'OPTIONS', path: resize, status: 403, code: 'PROXY.0405' },
    {
      name: 'an unknown path (the Nova resize)',
      method: 'POST',
      path: `${BASE_PATH}/v2.1/${PROJECT}/servers/${SERVER}/action`,
      headers: JSON_TYPE,
      body: resizeBody,
      status: 403,
      code: 'PROXY.0403',
    },
    { name: 'an unknown path (IAM tokens)', path: `${BASE_PATH}/v3/auth/tokens`, status: 403, code: 'PROXY.0403' },
    {
      name: 'a path id the client would refuse',
      path: `${BASE_PATH}/v1/${PROJECT}/cloudservers/-x`,
      status: 403,
      code: 'PROXY.0403',
    },
    {
      name: 'another project id',
      path: `${BASE_PATH}/v1/0123456789abcdef0123456789abcdef/cloudservers/${SERVER}`,
      status: 403,
      code: 'PROXY.0431',
    },
    { name: 'traversal with ..', path: `${server}/../../jobs/x`, status: 400, code: 'PROXY.0410' },
    { name: 'a . segment', path: `${BASE_PATH}/v1/${PROJECT}/./cloudservers/${SERVER}`, status: 400, code: 'PROXY.0410' },
    { name: 'traversal with %2e%2e', path: `${server}/%2e%2e/%2e%2e/jobs/x`, status: 400, code: 'PROXY.0410' },
    { name: 'traversal with %2E%2E', path: `${server}/%2E%2E/%2E%2E/jobs/x`, status: 400, code: 'PROXY.0410' },
    {
      name: 'an encoded slash %2f',
      path: `${BASE_PATH}/v1/${PROJECT}/cloudservers/${SERVER}%2fresize`,
      status: 400,
      code: 'PROXY.0410',
    },
    { name: 'a double slash', path: `${BASE_PATH}/v1/${PROJECT}//cloudservers/${SERVER}`, status: 400, code: 'PROXY.0410' },
    { name: 'a trailing slash', path: `${server}/`, status: 400, code: 'PROXY.0410' },
    { name: 'a backslash', path: `${BASE_PATH}/v1/${PROJECT}/cloudservers\\${SERVER}`, status: 400, code: 'PROXY.0410' },
    {
      name: 'an encoded backslash %5C',
      path: `${BASE_PATH}/v1/${PROJECT}/cloudservers%5C${SERVER}`,
      status: 400,
      code: 'PROXY.0410',
    },
    {
      name: 'traversal out of the base path',
      path: `${BASE_PATH}/../v1/${PROJECT}/cloudservers/${SERVER}`,
      status: 400,
      code: 'PROXY.0410',
    },
    { name: 'a path outside the base path', path: `/v1/${PROJECT}/cloudservers/${SERVER}`, status: 403, code: 'PROXY.0430' },
    {
      name: 'a path that only starts like the base path',
      path: `${BASE_PATH}x/v1/${PROJECT}/cloudservers/${SERVER}`,
      status: 403,
      code: 'PROXY.0430',
    },
    { name: 'an absolute-form target', path: `http://127.0.0.1:1${server}`, status: 400, code: 'PROXY.0400' },
    { name: 'an asterisk-form target', method: 'OPTIONS', path: '*', status: 400, code: 'PROXY.0400' },
    { name: 'a target with a fragment', path: `${server}#frag`, status: 400, code: 'PROXY.0400' },
    {
      name: 'a target over 8192 characters',
      path: `${BASE_PATH}/v1/${PROJECT}/cloudservers/detail?name=${'a'.repeat(8192)}`,
      status: 400,
      code: 'PROXY.0400',
    },
    { name: 'a query key getServer does not send', path: `${server}?limit=1`, status: 403, code: 'PROXY.0432' },
    {
      name: 'a query key the client does not send to resize_flavors',
      path: `${BASE_PATH}/v1/${PROJECT}/cloudservers/resize_flavors?source_flavor_name=s3.large.2`,
      status: 403,
      code: 'PROXY.0432',
    },
    {
      name: 'a repeated query key',
      path: `${BASE_PATH}/v1/${PROJECT}/cloudservers/resize_flavors?instance_uuid=${SERVER}&instance_uuid=x`,
      status: 403,
      code: 'PROXY.0432',
    },
    {
      name: 'a body over maxBodyBytes by Content-Length',
      method: 'POST',
      path: resize,
      headers: JSON_TYPE,
      body: oversized,
      status: 413,
      code: 'PROXY.0413',
    },
    {
      name: 'a body over maxBodyBytes, streamed without a length',
      method: 'POST',
      path: resize,
      headers: JSON_TYPE,
      chunks: oversized.match(/.{1,8000}/g) ?? [],
      status: 413,
      code: 'PROXY.0413',
    },
    {
      name: 'a POST body that is not JSON',
      method: 'POST',
      path: resize,
      headers: JSON_TYPE,
      body: 'flavorRef=s3.xlarge.2',
      status: 400,
      code: 'PROXY.0422',
    },
    {
      name: 'a POST body that is a JSON array',
      method: 'POST',
      path: resize,
      headers: JSON_TYPE,
      body: '[{"resize":{}}]',
      status: 400,
      code: 'PROXY.0422',
    },
    { name: 'an empty POST body', method: 'POST', path: resize, headers: JSON_TYPE, body: '', status: 400, code: 'PROXY.0422' },
    {
      name: 'a POST that is not application/json (a cross-site form)',
      method: 'POST',
      path: resize,
      headers: { 'Content-Type': 'text/plain' },
      body: resizeBody,
      status: 400,
      code: 'PROXY.0415',
    },
    {
      name: 'a GET with a body',
      path: server,
      headers: { ...JSON_TYPE, 'Content-Length': '2' },
      body: '{}',
      status: 400,
      code: 'PROXY.0411',
    },
  ];

  it.each(cases)('$name: $status $code', async ({ name: _name, status, code, ...request }) => {
    const before = emulator().state.countRequests();
    const response = await rawRequest(proxy.url(), {
      ...request,
      headers: { ...request.headers, Authorization: `Bearer ${DEFAULT_TOKEN}`, 'X-Echo-Probe': DEFAULT_CREDENTIALS.secretKey },
    });
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toBe('application/json;charset=UTF-8');
    expect(JSON.parse(response.body)).toEqual({ error_msg: expect.any(String), error_code: code });
    expect(Object.keys(response.headers).filter((name) => name.startsWith('x-echo') || name === 'authorization')).toEqual([]);
    for (const secret of SECRETS) expect(response.body).not.toContain(secret);
    expect(emulator().state.countRequests()).toBe(before);
  });

  it.each([
    { name: 'refused by its Content-Length, never read', sent: { body: 'x'.repeat(20 * 64 * 1024) } },
    { name: 'streamed, cut off at the limit', sent: { chunks: Array.from({ length: 20 }, () => 'x'.repeat(64 * 1024)) } },
  ])('keeps the connection usable after a large body $name', async ({ sent }) => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const refused = await rawRequest(proxy.url(), { method: 'POST', path: resize, headers: JSON_TYPE, agent, ...sent });
      expect(refused.status).toBe(413);
      expect(refused.headers.connection).not.toBe('close');
      expect((await rawRequest(proxy.url(), { path: server, agent })).status).toBe(200);
    } finally {
      agent.destroy();
    }
  });

  it("drops the browser's credentials, cookies and SDK headers, and signs with its own", async () => {
    const response = await rawRequest(proxy.url(), {
      path: server,
      headers: {
        Accept: 'application/json',
        Authorization: 'SDK-HMAC-SHA256 Access=BOGUSAK, SignedHeaders=x-sdk-date, Signature=00',
        'X-Auth-Token': 'bogus-token',
        'X-Security-Token': 'bogus-security-token',
        'X-Project-Id': 'someone-else',
        'X-Sdk-Date': '20000101T000000Z',
        'X-Sdk-Content-Sha256': 'UNSIGNED-PAYLOAD',
        Cookie: 'session=abc',
        Connection: 'keep-alive, X-Hop',
        'X-Hop': 'hop',
        'X-Forwarded-For': '10.0.0.1',
      },
    });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body).server.id).toBe(SERVER);
    const sent = proxy.sent.at(-1);
    expect([...(sent?.keys() ?? [])].sort()).toEqual(['accept', 'authorization', 'x-project-id', 'x-sdk-date']);
    expect(sent?.get('authorization')).toMatch(
      new RegExp(
        `^SDK-HMAC-SHA256 Access=${DEFAULT_CREDENTIALS.accessKey}, SignedHeaders=accept;x-project-id;x-sdk-date, Signature=[0-9a-f]{64}$`,
      ),
    );
    expect(sent?.get('x-project-id')).toBe(PROJECT);
    expect(sent?.get('x-sdk-date')).not.toBe('20000101T000000Z');
    expect(
      Object.keys(response.headers).every(
        (name) =>
          ANSWER_HEADERS.has(name) || ['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length'].includes(name),
      ),
    ).toBe(true);
  });
});

describe('toNodeListener', () => {
  it('stops passing a body on once the handler cancels it, while the handler still works', async () => {
    let received = 0;
    const server = await serveOverHttp(async (request) => {
      const reader = request.body?.getReader();
      received = (await reader?.read())?.value?.byteLength ?? 0;
      await reader?.cancel();
      return new Response('done', { status: 418 });
    });
    try {
      const chunks = Array.from({ length: 40 }, () => 'x'.repeat(64 * 1024));
      const response = await rawRequest(server.url, { method: 'POST', path: '/any', chunks });
      expect(response).toMatchObject({ status: 418, body: 'done' });
      expect(received).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  });

  it('answers 500 PROXY.0500 when the handler throws', async () => {
    const server = await serveOverHttp(() => Promise.reject(new Error(`boom ${DEFAULT_TOKEN}`)));
    try {
      const response = await rawRequest(server.url, { path: '/any' });
      expect(response.status).toBe(500);
      expect(JSON.parse(response.body)).toMatchObject({ error_code: 'PROXY.0500' });
      expect(response.body).not.toContain(DEFAULT_TOKEN);
    } finally {
      await server.close();
    }
  });

  it('refuses a method fetch cannot represent (TRACE) with 400', async () => {
    const server = await serveOverHttp(() => Promise.reject(new Error('the handler must not run')));
    try {
      const response = await rawRequest(server.url, { method: 'TRACE', path: '/any' });
      expect(response.status).toBe(400);
      expect(JSON.parse(response.body)).toMatchObject({ error_code: 'PROXY.0400' });
    } finally {
      await server.close();
    }
  });
});

describe('upstream answers and failures', () => {
  const emulator = useEmulator({ jobDurationMs: FAST_JOB_MS }, { fresh: true });
  const server = `/v1/${PROJECT}/cloudservers/${SERVER}`;
  const resizeRequest = () =>
    requestFor(`${server}/resize`, {
      method: 'POST',
      headers: JSON_TYPE,
      body: JSON.stringify({ resize: { flavorRef: 's3.xlarge.2' } }),
    });

  it('passes a 5xx through with its status, JSON body and request id', async () => {
    emulator().faults.push({ route: 'getServer', kind: 'error', status: 503 });
    const response = await handlerOf(emulator())(requestFor(server));
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    expect(response.headers.get('x-request-id')).toBe(emulator().state.requests.at(-1)?.requestId);
    expect(await response.json()).toMatchObject({ error_code: 'APIG.0202' });
  });

  it('passes an HTML error page through with its status, unable to run as a page', async () => {
    emulator().faults.push({ route: 'getServer', kind: 'html', status: 502 });
    const response = await handlerOf(emulator())(requestFor(server));
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toBe('text/html');
    expect(response.headers.get('content-security-policy')).toContain('sandbox');
    expect(await response.text()).toContain('<h1>502 Bad Gateway</h1>');
  });

  it('passes a 429 through with its Retry-After', async () => {
    emulator().faults.push({ route: 'listFlavors', kind: 'rate-limit', retryAfter: 7 });
    const response = await handlerOf(emulator())(requestFor(`/v1/${PROJECT}/cloudservers/flavors`));
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect([...response.headers.keys()].every((name) => ANSWER_HEADERS.has(name))).toBe(true);
  });

  it('sends a resize once: a 500 after the job was created is passed back, not retried', async () => {
    emulator().faults.push({ route: 'resize', kind: 'error', status: 500, phase: 'after' });
    const response = await handlerOf(emulator())(resizeRequest());
    expect(response.status).toBe(500);
    expect(emulator().state.countRequests('resize')).toBe(1);
    expect(emulator().state.resizeJobs).toHaveLength(1);
  });

  it('answers 502 when the connection drops after the resize was received, and does not send it again', async () => {
    emulator().faults.push({ route: 'resize', kind: 'reset', phase: 'after' });
    const response = await handlerOf(emulator())(resizeRequest());
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({ error_code: 'PROXY.0502' });
    expect(emulator().state.countRequests('resize')).toBe(1);
    expect(emulator().state.resizeJobs).toHaveLength(1);
  });

  it('answers 502 when the upstream cannot be reached', async () => {
    const gone = await startEmulator();
    await gone.close();
    const response = await handlerOf(gone)(requestFor(server));
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({ error_msg: expect.any(String), error_code: 'PROXY.0502' });
  });

  it('answers 504 when the upstream is slower than timeout', async () => {
    emulator().faults.push({ route: 'getServer', ...HOLD });
    const response = await handlerOf(emulator(), { timeout: 100 })(requestFor(server));
    expect(response.status).toBe(504);
    expect(await response.json()).toMatchObject({ error_code: 'PROXY.0504' });
    // The proxy did not wait for the upstream: the emulator still holds the request, unanswered.
    expect(emulator().state.requests.map((request) => [request.route, request.status])).toEqual([['getServer', null]]);
  });

  it('reaches the client as an EcsApiError with the proxy code', async () => {
    emulator().faults.push({ route: 'getServer', ...HOLD });
    const handler = handlerOf(emulator(), { timeout: 100 });
    const client = createEcsClient({
      endpoint: `http://console.example${BASE_PATH}`,
      projectId: PROJECT,
      retry: 0,
      fetch: (input, init) => handler(new Request(input, init)),
    });
    expect(await rejectionOf(client.getServer(SERVER))).toMatchObject({ name: 'EcsApiError', status: 504, code: 'PROXY.0504' });
  });
});

describe('secrets in upstream answers', () => {
  /** An upstream that echoes every request header and the secret key in a 400 body, with headers of its own. */
  const echoing: typeof fetch = async (input) => {
    const request = input as Request;
    return new Response(JSON.stringify({ headers: Object.fromEntries(request.headers), key: DEFAULT_CREDENTIALS.secretKey }), {
      status: 400,
      headers: { 'Content-Type': 'application/json', 'Set-Cookie': 'upstream=1', 'X-Request-Id': 'req-1', Server: 'nginx' },
    });
  };
  const auths: { name: string; auth: ProxyOptions['auth']; secrets: string[] }[] = [
    {
      name: 'AK/SK with a security token',
      auth: { ...DEFAULT_CREDENTIALS, securityToken: 'the-security-token' },
      secrets: [DEFAULT_CREDENTIALS.secretKey, 'the-security-token'],
    },
    { name: 'a token', auth: { token: DEFAULT_TOKEN }, secrets: [DEFAULT_TOKEN] },
  ];

  it.each(auths)('masks what it sent ($name) in a body that echoes it, and drops unsafe headers', async ({ auth, secrets }) => {
    const handler = createProxyHandler({ endpoint: 'https://ecs.example.com', projectId: PROJECT, auth, fetch: echoing });
    const response = await handler(new Request(`https://console.example/v1/${PROJECT}/jobs/job1`));
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).toContain('[redacted]');
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/Signature=[0-9a-f]{64}/);
    expect(response.headers.get('x-request-id')).toBe('req-1');
    expect(response.headers.has('set-cookie')).toBe(false);
    expect(response.headers.has('server')).toBe(false);
  });
});
