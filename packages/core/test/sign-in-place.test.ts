import { canonicalRequest as emulatorCanonicalRequest, DEFAULT_CREDENTIALS, SERVERS, type RouteName } from '@ecs-resize/emulator';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { authenticateRequest } from '../src/auth/authenticate-request.js';
import { canonicalRequest } from '../src/auth/canonical-request.js';
import { signRequest, type EcsClient } from '../src/index.js';
import { FAST_JOB_MS, advanceUntil, clientOf, eventually, useEmulator } from './helpers.js';

const PROJECT_ID = '0123456789abcdef0123456789abcdef';
const SIGNING_TIME = new Date('2026-01-02T03:04:05Z');
const TEMPORARY = { ...DEFAULT_CREDENTIALS, securityToken: 'temporary-security-token' };
const SERVER_URL = `https://ecs.example.com/v1/${PROJECT_ID}/cloudservers/${SERVERS.kvmStopped}`;

/** Requests as the client builds them: the body is the text the request was made from. */
const REQUESTS = [
  { what: 'a GET', method: 'GET', url: SERVER_URL, body: undefined, credentials: DEFAULT_CREDENTIALS },
  {
    what: 'a GET with a query, temporary credentials',
    method: 'GET',
    url: `https://evs.example.com/v2/${PROJECT_ID}/cloudvolumes/detail?ids=%5B%27b%27%2C%27a%27%5D&z=1&a=%20`,
    body: undefined,
    credentials: TEMPORARY,
  },
  {
    what: 'a resize POST',
    method: 'POST',
    url: `${SERVER_URL}/resize`,
    body: '{"resize":{"flavorRef":"s3.xlarge.2"}}',
    credentials: DEFAULT_CREDENTIALS,
  },
  {
    what: 'a POST whose body is not ASCII',
    method: 'POST',
    url: `${SERVER_URL}/resize`,
    body: '{"note":"é ✓ 𝄞"}',
    credentials: TEMPORARY,
  },
  { what: 'a POST with an empty body', method: 'POST', url: `${SERVER_URL}/resize`, body: '', credentials: DEFAULT_CREDENTIALS },
  {
    what: 'a path that needs encoding',
    method: 'GET',
    url: `https://ecs.example.com/v1/${PROJECT_ID}/a%2Fb/c d/é/*!'()`,
    body: undefined,
    credentials: DEFAULT_CREDENTIALS,
  },
] as const;

describe.each([
  { how: 'its body text given', known: true },
  { how: 'its body read from the request', known: false },
])('the client signs in place, $how, what signRequest signs (one canonical request)', ({ known }) => {
  afterEach(() => void vi.useRealTimers());

  it.each(REQUESTS)('$what', async ({ method, url, body, credentials }) => {
    vi.useFakeTimers({ now: SIGNING_TIME, toFake: ['Date'] });
    const request = new Request(url, { method, body: body ?? null });

    expect(await authenticateRequest(request, credentials, PROJECT_ID, known ? body : undefined)).toBeUndefined();

    const expected = await signRequest(
      new Request(url, { method, body: body ?? null, headers: { 'X-Project-Id': PROJECT_ID } }),
      credentials,
      SIGNING_TIME,
    );
    expect(Object.fromEntries(request.headers)).toEqual(Object.fromEntries(expected.headers));
    // Signed in place: the body is still there, whole, for fetch to send.
    expect(request.bodyUsed).toBe(false);
    expect(await request.text()).toBe(body ?? '');
  });
});

describe("the canonical URI and query agree with the emulator's own builder", () => {
  const EMPTY_BODY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

  it.each([
    { what: 'a plain API path', path: `/v1/${PROJECT_ID}/cloudservers/${SERVERS.kvmStopped}` },
    { what: 'a plain path with ~ . _ -', path: '/v1/a~b/c.d/e_f-g' },
    { what: 'a path ending with a slash', path: '/v1/servers/' },
    { what: 'the root', path: '/' },
    { what: 'a space and non-ASCII', path: '/v1/c d/é' },
    { what: "sub-delimiters (* ! ' ( ))", path: "/v1/*!'()" },
    { what: 'lower-case escapes', path: '/v1/%c3%a9' },
    { what: 'an empty query', path: '/v1/servers?' },
    { what: 'a query, keys and values sorted', path: '/v1/servers?z=1&a=2&a=1&b' },
    { what: 'a query with encoded characters', path: '/v1/servers?ids=%5B%27a%27%5D&name=a%20b+c&x=*' },
  ])('$what', ({ path }) => {
    const url = new URL(`https://ecs.example.com${path}`);
    const headers = new Map([['x-sdk-date', '20260102T030405Z']]);
    expect(canonicalRequest({ method: 'GET', url, headers, bodyHash: EMPTY_BODY_SHA256 })).toBe(
      emulatorCanonicalRequest({
        method: 'GET',
        url: url.pathname + url.search,
        headers: Object.fromEntries(headers),
        signedHeaders: [...headers.keys()],
      }),
    );
  });
});

describe('each attempt is signed afresh, in place, and accepted', () => {
  const emulator = useEmulator({ jobDurationMs: FAST_JOB_MS }, { fresh: true });
  afterEach(() => void vi.useRealTimers());

  const calls: { route: RouteName; run(client: EcsClient): Promise<unknown> }[] = [
    { route: 'getServer', run: (client) => client.getServer(SERVERS.kvmStopped) },
    { route: 'resize', run: (client) => client.resize(SERVERS.kvmScsi, 'c6.xlarge.2') },
  ];

  it.each(calls)('$route throttled once ("429, Retry-After: 1"), then retried with a new signature', async ({ route, run }) => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    emulator().faults.push({ route, kind: 'rate-limit', retryAfter: 1, times: 1 });
    const signatures: string[] = [];
    const statuses: number[] = [];
    const client = clientOf(emulator(), {
      auth: DEFAULT_CREDENTIALS,
      timeout: false,
      fetch: (input, init) => {
        signatures.push((input instanceof Request ? input.headers.get('authorization') : null) ?? 'none');
        return fetch(input, init);
      },
      hooks: { afterResponse: [(_request, _options, response) => void statuses.push(response.status)] },
    });
    const calling = run(client);
    await eventually(() => statuses.length === 1, 'the 429');
    await advanceUntil(() => signatures.length === 2, 10_000, 1);
    await calling;
    expect(statuses).toEqual([429, 200]);
    expect(emulator().state.countRequests(route)).toBe(2);
    // Dated a second later: signed again, not the first attempt's signature sent twice.
    expect(signatures[1]).not.toBe(signatures[0]);
    expect(signatures[1]).toMatch(/^SDK-HMAC-SHA256 Access=/);
  });

  it("signs the body a caller's beforeRetry hook put in the retried request", async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    emulator().faults.push({ route: 'resize', kind: 'rate-limit', retryAfter: 1, times: 1 });
    const retried = '{ "resize": { "flavorRef": "c6.xlarge.2" } }';
    const sent: string[] = [];
    const client = clientOf(emulator(), {
      auth: DEFAULT_CREDENTIALS,
      timeout: false,
      fetch: async (input, init) => {
        if (input instanceof Request) sent.push(await input.clone().text());
        return fetch(input, init);
      },
      hooks: { beforeRetry: [({ request }) => new Request(request, { body: retried })] },
    });
    const calling = client.resize(SERVERS.kvmScsi, 'c6.xlarge.2');
    await eventually(() => sent.length === 1, 'the 429');
    await advanceUntil(() => sent.length === 2, 10_000, 1);
    // The emulator checks the signature over the bytes it received: the hook's, not ky's first body.
    await expect(calling).resolves.toMatchObject({ jobId: expect.any(String) });
    expect(sent).toEqual(['{"resize":{"flavorRef":"c6.xlarge.2"}}', retried]);
  });
});
