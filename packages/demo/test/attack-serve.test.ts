import { DEFAULT_PROJECT_ID, SERVERS } from '@ecs-resize/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDemoConsole, type DemoConsole } from '../src/serve-console.js';
import { MALFORMED_REQUESTS, rawRequest, sendRaw, type MalformedRequest } from '../../emulator/test/raw-http.js';

const PROXY_PATH = '/ecs-proxy';
const SERVER = SERVERS.kvmStopped;

/** Requests only the console's own server sees this way, with the status each gets. */
const CONSOLE_REQUESTS: readonly (MalformedRequest & { readonly status: number | null })[] = [
  { name: 'a path the console does not serve', line: 'GET /etc/passwd HTTP/1.1', status: 404 },
  { name: 'traversal through the proxy path', line: 'GET /ecs-proxy/../etc/passwd HTTP/1.1', status: 400 },
  { name: 'the page with a malformed query', line: 'GET /?a=%zz HTTP/1.1', status: 200 },
  { name: 'CONNECT (no tunnel: the connection is closed)', line: 'CONNECT 127.0.0.1:1 HTTP/1.1', status: null },
  {
    name: 'a resize through the proxy, its body cut short',
    line: `POST {base}/v1/{p}/cloudservers/${SERVER}/resize HTTP/1.1`,
    headers: ['Content-Type: application/json', 'Content-Length: 100'],
    body: '{"resize":',
    halfClose: true,
    status: 400,
  },
];

const CASES: readonly (MalformedRequest & { readonly status: number | null })[] = [
  ...MALFORMED_REQUESTS.map((request) =>
    // `POST /` is answered with the page before its body is read; Node then drops the connection.
    request.name === 'a broken chunk' ? { ...request, status: 200 } : request,
  ),
  ...CONSOLE_REQUESTS,
];

describe('demo --serve survives every malformed request, answers it, and serves the next one', () => {
  let demo: DemoConsole | undefined;
  beforeAll(async () => {
    demo = await serveDemoConsole(0, 100);
  });
  afterAll(() => demo?.close());
  const url = () => demo?.url ?? '';

  it.each(CASES)('$name → $status', async (request) => {
    const answer = await sendRaw(
      Number(new URL(url()).port),
      rawRequest(request, DEFAULT_PROJECT_ID, PROXY_PATH),
      request.halfClose,
    );
    expect(answer.status).toBe(request.status);
    const page = await fetch(url());
    const server = await fetch(`${url()}ecs-proxy/v1/${DEFAULT_PROJECT_ID}/cloudservers/${SERVER}`);
    expect([page.status, server.status]).toEqual([200, 200]);
  });
});
