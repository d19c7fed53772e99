import { DEFAULT_CREDENTIALS, DEFAULT_PROJECT_ID, SERVERS } from '@ecs-resize/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProxyHandler, toNodeListener, type ProxyHandler } from '../src/proxy/index.js';
import { MALFORMED_REQUESTS, rawRequest, sendRaw, type MalformedRequest } from '../../emulator/test/raw-http.js';
import { useEmulator } from './helpers.js';
import { listenOnLoopback, type LoopbackServer } from './loopback-server.js';

const BASE_PATH = '/ecs-proxy';
const SERVER = SERVERS.kvmStopped;
const emulator = useEmulator();

/** Requests only a proxy sees this way, with the status each gets. */
const PROXY_REQUESTS: readonly (MalformedRequest & { readonly status: number | null })[] = [
  { name: 'absolute-form naming another host', line: 'GET http://evil.example{base}/v1/{p}/jobs/x HTTP/1.1', status: 400 },
  { name: 'a dot segment', line: 'GET {base}/v1/{p}/cloudservers/detail/../x HTTP/1.1', status: 400 },
  { name: 'CONNECT (no tunnel: the connection is closed)', line: 'CONNECT 127.0.0.1:1 HTTP/1.1', status: null },
  { name: 'TRACE, which fetch forbids', line: 'TRACE {base}/v1/{p}/jobs/x HTTP/1.1', status: 400 },
  {
    name: 'a resize whose body is not JSON',
    line: `POST {base}/v1/{p}/cloudservers/${SERVER}/resize HTTP/1.1`,
    headers: ['Content-Type: application/json', 'Content-Length: 9'],
    body: '{"resize"',
    status: 400,
  },
  {
    name: 'a resize whose body is cut short',
    line: `POST {base}/v1/{p}/cloudservers/${SERVER}/resize HTTP/1.1`,
    headers: ['Content-Type: application/json', 'Content-Length: 100'],
    body: '{"resize":',
    halfClose: true,
    status: 400,
  },
  {
    name: 'a GET with a body',
    line: `GET {base}/v1/{p}/cloudservers/${SERVER} HTTP/1.1`,
    headers: ['Content-Length: 4'],
    body: 'junk',
    status: 400,
  },
];

const CASES: readonly (MalformedRequest & { readonly status: number | null })[] = [
  // Each gets the shared table's status; a bad escape in the query is forwarded (its key is one
  // the client sends), re-encoded, and the emulator refuses the value.
  ...MALFORMED_REQUESTS,
  ...PROXY_REQUESTS,
];

describe('toNodeListener(proxy) survives every malformed request, answers it, and serves the next one', () => {
  let proxy: LoopbackServer | undefined;
  beforeAll(async () => {
    const handler = createProxyHandler({
      endpoint: emulator().url,
      projectId: DEFAULT_PROJECT_ID,
      auth: DEFAULT_CREDENTIALS,
      basePath: BASE_PATH,
    });
    proxy = await listenOnLoopback(toNodeListener(handler));
  });
  afterAll(() => proxy?.close());
  const port = () => proxy?.port ?? 0;

  it.each(CASES)('$name → $status', async (request) => {
    const answer = await sendRaw(port(), rawRequest(request, DEFAULT_PROJECT_ID, BASE_PATH), request.halfClose);
    expect(answer.status).toBe(request.status);
    const next = await fetch(`http://127.0.0.1:${port()}${BASE_PATH}/v1/${DEFAULT_PROJECT_ID}/cloudservers/${SERVER}`);
    expect(next.status).toBe(200);
  });
});

describe('toNodeListener answers 500 for a handler that fails, and keeps serving', () => {
  const cases: { name: string; handler: ProxyHandler }[] = [
    { name: 'a handler that rejects', handler: () => Promise.reject(new Error('bug')) },
    {
      name: 'a handler that throws before returning a promise',
      handler: () => {
        throw new Error('bug');
      },
    },
    { name: 'a response whose body fails', handler: () => Promise.resolve(new Response(failingStream())) },
  ];

  it.each(cases)('$name', async ({ handler }) => {
    let calls = 0;
    const server = await listenOnLoopback(
      toNodeListener((request) => (++calls === 1 ? handler(request) : Promise.resolve(new Response('ok')))),
    );
    const { port } = server;
    try {
      const answer = await sendRaw(port, rawRequest({ name: '', line: 'GET /x HTTP/1.1' }, ''));
      expect([500, null]).toContain(answer.status);
      const next = await fetch(`http://127.0.0.1:${port}/x`);
      expect([next.status, await next.text()]).toEqual([200, 'ok']);
    } finally {
      await server.close();
    }
  });
});

/** A body stream that fails on its first read. */
function failingStream(): ReadableStream<Uint8Array> {
  return new ReadableStream({ pull: (controller) => controller.error(new Error('broken body')) });
}
