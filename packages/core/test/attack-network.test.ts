import { connect } from 'node:net';
import { runInNewContext } from 'node:vm';
import { DEFAULT_PROJECT_ID, DEFAULT_TOKEN, SERVERS } from '@ecs-resize/emulator';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { provesNeverSent } from '../src/http/never-sent.js';
import { createEcsClient, EcsNetworkError, type EcsClient } from '../src/index.js';
import { rejectionOf } from './helpers.js';
import { closedPort } from './loopback-server.js';

/** An error with a system error code, as Node's `net` makes them. */
const systemError = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:1`), { code });
/** undici's wrapping of a connection failure. */
const fetchFailed = (cause: unknown) => new TypeError('fetch failed', { cause });

/** The error of a real TCP connection to `port` on both loopback addresses, as happy eyeballs makes it. */
function happyEyeballsError(port: number): Promise<unknown> {
  return new Promise((resolve) => {
    const socket = connect({
      host: 'dual-stack.test',
      port,
      autoSelectFamily: true,
      lookup: (_host, _options, callback) =>
        (callback as (error: null, addresses: { address: string; family: number }[]) => void)(null, [
          { address: '::1', family: 6 },
          { address: '127.0.0.1', family: 4 },
        ]),
    });
    socket.on('error', resolve);
    socket.on('connect', () => {
      socket.destroy();
      resolve(new Error('unexpectedly connected'));
    });
  });
}

/** Fetch failures, each with whether it proves that the request never left. */
const SHAPES: { name: string; error: () => unknown | Promise<unknown>; neverSent: boolean }[] = [
  { name: 'undici: fetch failed ← ECONNREFUSED', error: () => fetchFailed(systemError('ECONNREFUSED')), neverSent: true },
  {
    name: 'undici: fetch failed ← AggregateError of every address refused',
    error: () => fetchFailed(new AggregateError([systemError('ECONNREFUSED'), systemError('ECONNREFUSED')])),
    neverSent: true,
  },
  {
    name: 'happy eyeballs on a host without IPv6: EADDRNOTAVAIL and ECONNREFUSED',
    error: () => fetchFailed(new AggregateError([systemError('EADDRNOTAVAIL'), systemError('ECONNREFUSED')])),
    neverSent: true,
  },
  {
    name: 'happy eyeballs, a real connection to ::1 and 127.0.0.1 on a closed port',
    error: async () => fetchFailed(await happyEyeballsError(await closedPort())),
    neverSent: true,
  },
  {
    name: 'a caller’s fetch wrapper: Error ← fetch failed ← ECONNREFUSED',
    error: () => new Error('traced fetch failed', { cause: fetchFailed(systemError('ECONNREFUSED')) }),
    neverSent: true,
  },
  {
    name: 'an AggregateError of another realm (no instanceof)',
    error: () => fetchFailed(runInNewContext('new AggregateError([Object.assign(new Error("x"), { code: "ECONNREFUSED" })])')),
    neverSent: true,
  },
  { name: 'the name not found', error: () => fetchFailed(systemError('ENOTFOUND')), neverSent: true },
  { name: 'the connect timing out', error: () => fetchFailed(systemError('UND_ERR_CONNECT_TIMEOUT')), neverSent: true },
  { name: 'a reset (it may have been sent)', error: () => fetchFailed(systemError('ECONNRESET')), neverSent: false },
  { name: 'a socket closed by the other side', error: () => fetchFailed(systemError('UND_ERR_SOCKET')), neverSent: false },
  {
    name: 'one address refused, the other reset',
    error: () => fetchFailed(new AggregateError([systemError('ECONNREFUSED'), systemError('ECONNRESET')])),
    neverSent: false,
  },
  {
    name: 'refused, wrapped by a layer that says the socket closed',
    error: () => Object.assign(fetchFailed(systemError('ECONNREFUSED')), { code: 'UND_ERR_SOCKET' }),
    neverSent: false,
  },
  { name: 'a browser: TypeError with no cause', error: () => new TypeError('Failed to fetch'), neverSent: false },
  { name: 'not an error at all', error: () => 'ECONNREFUSED', neverSent: false },
  {
    name: 'a cause that is itself (a cycle)',
    error: () => {
      const error = systemError('ECONNREFUSED') as Error & { cause?: unknown };
      error.cause = error;
      return error;
    },
    neverSent: true,
  },
];

describe('provesNeverSent reads every way a refused connection is nested', () => {
  it.each(SHAPES)('$name → $neverSent', async ({ error, neverSent }) => {
    expect(provesNeverSent(await error())).toBe(neverSent);
  });
});

/** A client of `endpoint` that counts its attempts (the real fetch does the work). */
function countingClient(endpoint: string, retry: number): { client: EcsClient; attempts: () => number } {
  let attempts = 0;
  const client = createEcsClient({
    endpoint,
    projectId: DEFAULT_PROJECT_ID,
    auth: { token: DEFAULT_TOKEN },
    retry,
    fetch: (input: RequestInfo | URL, init?: RequestInit) => {
      attempts += 1;
      return fetch(input, init);
    },
  });
  return { client, attempts: () => attempts };
}

const REFUSED_CALLS: { name: string; host: string; run: (client: EcsClient) => Promise<unknown> }[] = [
  { name: 'a GET (getServer), 127.0.0.1', host: '127.0.0.1', run: (client) => client.getServer(SERVERS.kvmStopped) },
  { name: 'a GET (getServer), localhost', host: 'localhost', run: (client) => client.getServer(SERVERS.kvmStopped) },
  { name: 'the resize POST, 127.0.0.1', host: '127.0.0.1', run: (client) => client.resize(SERVERS.kvmStopped, 's3.xlarge.2') },
  {
    name: 'the resize POST (v1.1), localhost',
    host: 'localhost',
    run: (client) => client.resize(SERVERS.prepaid, 's3.xlarge.2', { autoPay: true }),
  },
];

/**
 * Settles `promise` with fake timers: moves the clock through the backoffs between attempts in
 * steps, letting real I/O (each refused connect) run between them. Bounded in steps.
 */
async function settleWithFakeTimers(promise: Promise<unknown>): Promise<unknown> {
  let settled = false;
  const outcome = promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  for (let step = 0; !settled; step += 1) {
    if (step === 2000) throw new Error('the call never settled');
    await vi.advanceTimersByTimeAsync(50);
    await new Promise((resolve) => setImmediate(resolve));
  }
  await outcome;
  return rejectionOf(promise);
}

describe('a refused connection never reached the server: it says so, and even a resize is retried', () => {
  afterEach(() => void vi.useRealTimers());

  it.each(REFUSED_CALLS)('$name', async ({ host, run }) => {
    const retry = 2;
    const { client, attempts } = countingClient(`http://${host}:${await closedPort()}`, retry);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const error = await settleWithFakeTimers(run(client));
    expect(error).toBeInstanceOf(EcsNetworkError);
    const network = error as EcsNetworkError;
    expect([network.mayHaveReachedServer, network.mayHaveTakenEffect]).toEqual([false, false]);
    expect(network.message).toMatch(/never reached the server/);
    expect(network.message).not.toMatch(/may have received/);
    expect(attempts()).toBe(retry + 1);
  });
});
