import { SERVERS, type RouteName } from '@ecs-resize/emulator';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EcsApiError, EcsNetworkError, EcsTimeoutError, type EcsClient } from '../src/index.js';
import { FAST_JOB_MS, HOLD, advanceUntil, clientOf, eventually, rejectionOf, useEmulator } from './helpers.js';
import { closedPort } from './loopback-server.js';

/** The per-attempt timeout of these tests: a fake timer, so only the test decides when it fires. */
const TIMEOUT = 150;

/** Fakes the timers (ky's timeouts and retry delays) and `Date`, until the test ends. */
function useFakeTimers(): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
}

/** A `fetch` that counts the attempts it sends. */
function countingFetch(): { fetch: typeof fetch; attempts: () => number } {
  let attempts = 0;
  return {
    fetch: (input, init) => {
      attempts += 1;
      return fetch(input, init);
    },
    attempts: () => attempts,
  };
}

describe('reads are retried on transient failures', () => {
  const emulator = useEmulator({ jobDurationMs: FAST_JOB_MS });
  afterEach(() => {
    vi.useRealTimers();
    emulator().faults.splice(0);
  });

  for (const status of [500, 502, 503, 504]) {
    it(`GET after one ${status} → retried, succeeds`, async () => {
      emulator().faults.push({ route: 'getServer', kind: 'error', status, times: 1 });
      const before = emulator().state.countRequests('getServer');
      const server = await clientOf(emulator()).getServer(SERVERS.kvmStopped);
      expect(server.id).toBe(SERVERS.kvmStopped);
      expect(emulator().state.countRequests('getServer') - before).toBe(2);
    });
  }

  it('GET after a connection reset → retried, succeeds', async () => {
    emulator().faults.push({ route: 'getServer', kind: 'reset', times: 1 });
    const before = emulator().state.countRequests('getServer');
    await clientOf(emulator()).getServer(SERVERS.kvmStopped);
    expect(emulator().state.countRequests('getServer') - before).toBe(2);
  });

  it('GET after a timeout → retried, succeeds', async () => {
    useFakeTimers();
    emulator().faults.push({ route: 'getServer', ...HOLD, times: 1 });
    const before = emulator().state.countRequests('getServer');
    const counting = countingFetch();
    const reading = clientOf(emulator(), { timeout: TIMEOUT, fetch: counting.fetch }).getServer(SERVERS.kvmStopped);
    // The emulator holds the first attempt: its timeout fires, then the retry goes after a backoff.
    await eventually(() => emulator().state.countRequests('getServer') - before === 1, 'the first attempt');
    await vi.advanceTimersByTimeAsync(TIMEOUT);
    await advanceUntil(() => counting.attempts() === 2, 10_000);
    expect((await reading).id).toBe(SERVERS.kvmStopped);
    expect(emulator().state.countRequests('getServer') - before).toBe(2);
  });

  it('gives up after `retry` retries with the last error', async () => {
    emulator().faults.push({ route: 'getServer', kind: 'error', status: 503 });
    const before = emulator().state.countRequests('getServer');
    const error = (await rejectionOf(clientOf(emulator(), { retry: 3 }).getServer(SERVERS.kvmStopped))) as EcsApiError;
    expect(error).toBeInstanceOf(EcsApiError);
    expect(error.status).toBe(503);
    expect(emulator().state.countRequests('getServer') - before).toBe(4);
  });

  it('a 4xx is not retried', async () => {
    const before = emulator().state.countRequests('getServer');
    await rejectionOf(clientOf(emulator()).getServer('00000000-0000-0000-0000-000000000000'));
    expect(emulator().state.countRequests('getServer') - before).toBe(1);
  });
});

describe('a 429 with Retry-After is retried when the server said, not before', () => {
  const emulator = useEmulator({ jobDurationMs: FAST_JOB_MS }, { fresh: true });
  afterEach(() => void vi.useRealTimers());

  const calls: { route: RouteName; run(client: EcsClient): Promise<unknown> }[] = [
    { route: 'getServer', run: (client) => client.getServer(SERVERS.kvmStopped) },
    { route: 'listServers', run: (client) => client.listServers() },
    { route: 'listResizeFlavors', run: (client) => client.listResizeFlavors(SERVERS.kvmStopped) },
    { route: 'listFlavors', run: (client) => client.listFlavors() },
    { route: 'listBlockDevices', run: (client) => client.listBlockDevices(SERVERS.kvmStopped) },
    { route: 'resize', run: (client) => client.resize(SERVERS.kvmScsi, 'c6.xlarge.2') },
  ];

  it.each(calls)('$route after "429, Retry-After: 1" → retried 1000 ms later, succeeds', async ({ route, run }) => {
    useFakeTimers();
    emulator().faults.push({ route, kind: 'rate-limit', retryAfter: 1, times: 1 });
    const counting = countingFetch();
    const statuses: number[] = [];
    const client = clientOf(emulator(), {
      timeout: false,
      fetch: counting.fetch,
      hooks: { afterResponse: [(_request, _options, response) => void statuses.push(response.status)] },
    });
    const calling = run(client);
    await eventually(() => statuses.length === 1, 'the 429');
    // The retry waits 1000 ms of (fake) time, where a backoff alone would wait at most 300.
    expect(await advanceUntil(() => counting.attempts() === 2, 10_000, 1)).toBe(1000);
    await calling;
    expect(statuses[0]).toBe(429);
    expect(emulator().state.countRequests(route)).toBeGreaterThanOrEqual(2);
  });
});

describe('a resize is never sent twice by accident', () => {
  const emulator = useEmulator({ jobDurationMs: FAST_JOB_MS }, { fresh: true });
  afterEach(() => void vi.useRealTimers());

  /** Runs one resize of a stopped KVM server of a fresh emulator and reports what the emulator saw. */
  async function resizeOnce(options: Parameters<typeof clientOf>[1] = {}) {
    const jobsBefore = emulator().state.resizeJobs.length;
    const requestsBefore = emulator().state.countRequests('resize');
    const outcome = await clientOf(emulator(), options)
      .resize(SERVERS.kvmScsi, 'c6.xlarge.2')
      .then(
        (result) => ({ result, error: undefined }),
        (error: unknown) => ({ result: undefined, error }),
      );
    return {
      ...outcome,
      jobs: emulator().state.resizeJobs.length - jobsBefore,
      requests: emulator().state.countRequests('resize') - requestsBefore,
    };
  }

  it('429 before the resize → retried once, exactly one job', async () => {
    emulator().faults.push({ route: 'resize', kind: 'rate-limit', times: 1 });
    const run = await resizeOnce();
    expect(run.result?.jobId).toBeTruthy();
    expect([run.requests, run.jobs]).toEqual([2, 1]);
  });

  it('500 after the resize was accepted → not retried; one job; EcsApiError', async () => {
    emulator().faults.push({ route: 'resize', kind: 'error', status: 500, phase: 'after', times: 1 });
    const run = await resizeOnce();
    expect(run.error).toBeInstanceOf(EcsApiError);
    expect([run.requests, run.jobs]).toEqual([1, 1]);
  });

  it('503 from the gateway → not retried (it may have been forwarded)', async () => {
    emulator().faults.push({ route: 'resize', kind: 'error', status: 503, times: 1 });
    const run = await resizeOnce();
    expect((run.error as EcsApiError).status).toBe(503);
    expect([run.requests, run.jobs]).toEqual([1, 0]);
  });

  it('a reset after the resize was accepted → EcsNetworkError that says it may have reached the server; one job', async () => {
    emulator().faults.push({ route: 'resize', kind: 'reset', phase: 'after', times: 1 });
    const run = await resizeOnce();
    expect(run.error).toBeInstanceOf(EcsNetworkError);
    expect((run.error as EcsNetworkError).mayHaveReachedServer).toBe(true);
    expect([run.requests, run.jobs]).toEqual([1, 1]);
  });

  it('a timeout after the resize was accepted → EcsTimeoutError; not retried; one job', async () => {
    useFakeTimers();
    emulator().faults.push({ route: 'resize', ...HOLD, phase: 'after', times: 1 });
    const resizing = resizeOnce({ timeout: TIMEOUT });
    // The job exists and the emulator holds the answer: only then does the client's timeout fire.
    await eventually(() => emulator().state.resizeJobs.length === 1, 'the resize job');
    await vi.advanceTimersByTimeAsync(TIMEOUT);
    const run = await resizing;
    expect(run.error).toBeInstanceOf(EcsTimeoutError);
    expect((run.error as EcsTimeoutError).mayHaveReachedServer).toBe(true);
    expect([run.requests, run.jobs]).toEqual([1, 1]);
  });

  it('a connection refused → retried, because it proves the resize never left; one job', async () => {
    const refused = await closedPort();
    let attempts = 0;
    const run = await resizeOnce({
      fetch: (input: RequestInfo | URL, init?: RequestInit) => {
        const request = new Request(input, init);
        attempts += 1;
        if (attempts > 1) return fetch(request);
        const url = new URL(request.url);
        url.port = String(refused);
        return fetch(new Request(url, request));
      },
    });
    expect(run.result?.jobId).toBeTruthy();
    expect(attempts).toBe(2);
    expect([run.requests, run.jobs]).toEqual([1, 1]);
  });

  it('refused every time → EcsNetworkError that says it never reached the server', async () => {
    const client = clientOf(emulator(), { endpoint: `http://127.0.0.1:${await closedPort()}`, retry: 1 });
    const error = (await rejectionOf(client.resize(SERVERS.kvmScsi, 'c6.xlarge.2'))) as EcsNetworkError;
    expect(error).toBeInstanceOf(EcsNetworkError);
    expect(error.mayHaveReachedServer).toBe(false);
    expect(error.message).toMatch(/never reached/);
  });
});

describe('mayHaveTakenEffect tells whether a failed resize may have happened', () => {
  const emulator = useEmulator({ jobDurationMs: FAST_JOB_MS }, { fresh: true });
  afterEach(() => void vi.useRealTimers());

  it('false for a refusal (4xx), true for a 5xx, a reset, a timeout and a garbled 2xx', async () => {
    useFakeTimers();
    const client = (options = {}) => clientOf(emulator(), { retry: 0, ...options });
    const refusal = (await rejectionOf(client().resize(SERVERS.kvmRunning, 's3.xlarge.2'))) as EcsApiError;
    expect([refusal.status, refusal.mayHaveTakenEffect]).toEqual([400, false]);
    // Each fault on a resize the API accepts, of a server of its own.
    const cases = [
      { fault: { kind: 'error', status: 502 }, server: SERVERS.kvmScsi, flavor: 'c6.xlarge.2' },
      { fault: { kind: 'reset', phase: 'after' }, server: SERVERS.kvmStopped, flavor: 's3.xlarge.2' },
      { fault: { ...HOLD, phase: 'after' }, server: SERVERS.xenDrivers, flavor: 'h1.large.2' },
      { fault: { kind: 'malformed-json', phase: 'after' }, server: SERVERS.xen24Vbd, flavor: 's1.medium' },
    ] as const;
    const outcomes: [string, boolean][] = [];
    for (const { fault, server, flavor } of cases) {
      emulator().faults.push({ route: 'resize', times: 1, ...fault });
      const jobs = emulator().state.resizeJobs.length;
      const failing = rejectionOf(client({ timeout: TIMEOUT }).resize(server, flavor));
      // Every other fault answers at once; the held answer times out once the job exists.
      if (fault.kind === 'latency') {
        await eventually(() => emulator().state.resizeJobs.length === jobs + 1, 'the resize job');
        await vi.advanceTimersByTimeAsync(TIMEOUT);
      }
      const error = (await failing) as EcsApiError;
      outcomes.push([error.name, error.mayHaveTakenEffect]);
    }
    expect(outcomes).toEqual([
      ['EcsApiError', true],
      ['EcsNetworkError', true],
      ['EcsTimeoutError', true],
      ['EcsResponseError', true],
    ]);
  });
});
