import { DEFAULT_CREDENTIALS, DEFAULT_TOKEN, SERVERS, type RouteName } from '@ecs-resize/emulator';
import type { BeforeRequestHook } from 'ky';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EcsApiError, type EcsClient, type EcsClientOptions } from '../src/index.js';
import { FAST_JOB_MS, advanceUntil, clientOf, eventually, rejectionOf, useEmulator } from './helpers.js';

// A caller's `beforeRequest` hook may change the request in place, replace it or answer it. The
// emulator checks every AK/SK signature over the bytes it receives: a request the client did not
// sign after the caller's hooks is answered 401.

/** The header every hook below adds, and the flavor the body-changing hook resizes to instead. */
const CALLER_HEADER = 'X-Caller-Trace';
const REQUESTED_FLAVOR = 's3.xlarge.2';
const HOOKED_FLAVOR = 'c6.xlarge.2';

/** What was handed to fetch: each attempt's headers of interest and its body. */
interface Attempt {
  caller: string | null;
  authorization: string | null;
  token: string | null;
  body: string;
}

/** A client of the emulator with `auth` and `beforeRequest`, recording each attempt fetch sends. */
function recordingClient(
  emulator: Parameters<typeof clientOf>[0],
  auth: EcsClientOptions['auth'],
  beforeRequest: BeforeRequestHook[],
  overrides: Partial<EcsClientOptions> = {},
): { client: EcsClient; attempts: Attempt[] } {
  const attempts: Attempt[] = [];
  const client = clientOf(emulator, {
    auth,
    timeout: false,
    fetch: async (input, init) => {
      const request = new Request(input, init);
      attempts.push({
        caller: request.headers.get(CALLER_HEADER),
        authorization: request.headers.get('authorization'),
        token: request.headers.get('x-auth-token'),
        body: await request.clone().text(),
      });
      return fetch(request);
    },
    hooks: { beforeRequest },
    ...overrides,
  });
  return { client, attempts };
}

const AUTHS = [
  { auth: 'AK/SK', credentials: DEFAULT_CREDENTIALS },
  { auth: 'a token', credentials: { token: DEFAULT_TOKEN } },
] as const;

/** Hooks that leave the request to be sent, and what the emulator must then have received. */
const SENDING_HOOKS: {
  what: string;
  hooks: BeforeRequestHook[];
  route: RouteName;
  run(client: EcsClient): Promise<unknown>;
  body?: string;
}[] = [
  {
    what: 'adds a header in place',
    hooks: [(request) => void request.headers.set(CALLER_HEADER, 'in-place')],
    route: 'getServer',
    run: (client) => client.getServer(SERVERS.kvmStopped),
  },
  {
    what: 'returns a new request with a header added',
    hooks: [(request) => new Request(request, { headers: { ...Object.fromEntries(request.headers), [CALLER_HEADER]: 'new' } })],
    route: 'getServer',
    run: (client) => client.getServer(SERVERS.kvmStopped),
  },
  {
    what: 'returns a new resize request with another JSON body',
    hooks: [
      (request) => {
        request.headers.set(CALLER_HEADER, 'body');
        return new Request(request, { body: JSON.stringify({ resize: { flavorRef: HOOKED_FLAVOR } }) });
      },
      // ky ends the chain at a returned request: this hook never runs.
      () => new Response('never', { status: 599 }),
    ],
    route: 'resize',
    run: (client) => client.resize(SERVERS.kvmStopped, REQUESTED_FLAVOR),
    body: `{"resize":{"flavorRef":"${HOOKED_FLAVOR}"}}`,
  },
];

describe.each(AUTHS)('with $auth, a caller beforeRequest hook that', ({ credentials }) => {
  const emulator = useEmulator({ jobDurationMs: FAST_JOB_MS }, { fresh: true });
  afterEach(() => void vi.useRealTimers());

  it.each(SENDING_HOOKS)('$what: the request sent is authenticated, accepted and as the hook made it', async (hook) => {
    const { client, attempts } = recordingClient(emulator(), credentials, hook.hooks);
    await hook.run(client);
    expect(emulator().state.requests.map((entry) => [entry.route, entry.status])).toEqual([[hook.route, 200]]);
    expect(attempts).toHaveLength(1);
    expect(attempts[0]?.caller).not.toBeNull();
    if (hook.body !== undefined) {
      expect(attempts[0]?.body).toBe(hook.body);
      expect(emulator().state.resizeJobs.map((job) => job.flavorRef)).toEqual([HOOKED_FLAVOR]);
    }
  });

  it.each(SENDING_HOOKS)(
    '$what, on a call throttled once: each attempt runs the hook and is authenticated again',
    async (hook) => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
      emulator().faults.push({ route: hook.route, kind: 'rate-limit', retryAfter: 1, times: 1 });
      const { client, attempts } = recordingClient(emulator(), credentials, hook.hooks);
      const calling = hook.run(client);
      await eventually(() => emulator().state.requests[0]?.status === 429, 'the 429');
      await advanceUntil(() => attempts.length === 2, 10_000, 1);
      await calling;
      expect(emulator().state.requests.map((entry) => entry.status)).toEqual([429, 200]);
      expect(attempts.map((attempt) => attempt.caller !== null)).toEqual([true, true]);
      if ('accessKey' in credentials) {
        // Dated a second later: signed again, not the first attempt's signature sent twice.
        expect(attempts[1]?.authorization).toMatch(/^SDK-HMAC-SHA256 Access=/);
        expect(attempts[1]?.authorization).not.toBe(attempts[0]?.authorization);
      } else expect(attempts.map((attempt) => attempt.token)).toEqual([DEFAULT_TOKEN, DEFAULT_TOKEN]);
    },
  );

  it.each([
    { route: 'getServer', run: (client: EcsClient) => client.getServer(SERVERS.kvmStopped) },
    { route: 'resize', run: (client: EcsClient) => client.resize(SERVERS.kvmStopped, REQUESTED_FLAVOR) },
  ])('returns a response to $route: that answer is the outcome, nothing is sent', async ({ run }) => {
    const answer = JSON.stringify({ error: { code: 'Ecs.0114', message: 'answered by the hook' } });
    const { client, attempts } = recordingClient(emulator(), credentials, [
      () => new Response(answer, { status: 404, headers: { 'Content-Type': 'application/json' } }),
    ]);
    const error = await rejectionOf(run(client));
    expect(error).toBeInstanceOf(EcsApiError);
    expect(error).toMatchObject({ status: 404, code: 'Ecs.0114' });
    expect(attempts).toEqual([]);
    expect(emulator().state.countRequests()).toBe(0);
    expect(emulator().state.resizeJobs).toEqual([]);
  });
});
