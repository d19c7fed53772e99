import { SERVERS } from '@ecs-resize/emulator';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { EcsApiError, EcsNetworkError, EcsTimeoutError } from '../src/index.js';
import { clientOf, rejectionOf, useEmulator } from './helpers.js';

/** A port on 127.0.0.1 that refuses connections (it was free a moment ago). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('reads are retried on transient failures', () => {
  const emulator = useEmulator();
  afterEach(() => void emulator().faults.splice(0));

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
    emulator().faults.push({ route: 'getServer', kind: 'latency', delayMs: 400, times: 1 });
    const before = emulator().state.countRequests('getServer');
    await clientOf(emulator(), { timeout: 150 }).getServer(SERVERS.kvmStopped);
    expect(emulator().state.countRequests('getServer') - before).toBe(2);
  });

  it('GET after 429 honours Retry-After', async () => {
    emulator().faults.push({ route: 'getServer', kind: 'rate-limit', retryAfter: 1, times: 1 });
    const started = Date.now();
    await clientOf(emulator()).getServer(SERVERS.kvmStopped);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
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

describe('a resize is never sent twice by accident', () => {
  const emulator = useEmulator({}, true);

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
    emulator().faults.push({ route: 'resize', kind: 'latency', delayMs: 500, phase: 'after', times: 1 });
    const run = await resizeOnce({ timeout: 150 });
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
  const emulator = useEmulator({}, true);

  it('false for a refusal (4xx), true for a 5xx, a reset, a timeout and a garbled 2xx', async () => {
    const client = (options = {}) => clientOf(emulator(), { retry: 0, ...options });
    const refusal = (await rejectionOf(client().resize(SERVERS.kvmRunning, 's3.xlarge.2'))) as EcsApiError;
    expect([refusal.status, refusal.mayHaveTakenEffect]).toEqual([400, false]);
    // Each fault on a resize the API accepts, of a server of its own.
    const cases = [
      { fault: { kind: 'error', status: 502 }, server: SERVERS.kvmScsi, flavor: 'c6.xlarge.2' },
      { fault: { kind: 'reset', phase: 'after' }, server: SERVERS.kvmStopped, flavor: 's3.xlarge.2' },
      { fault: { kind: 'latency', delayMs: 400, phase: 'after' }, server: SERVERS.xenDrivers, flavor: 'h1.large.2' },
      { fault: { kind: 'malformed-json', phase: 'after' }, server: SERVERS.xen24Vbd, flavor: 's1.medium' },
    ] as const;
    const outcomes: boolean[] = [];
    for (const { fault, server, flavor } of cases) {
      emulator().faults.push({ route: 'resize', times: 1, ...fault });
      const error = (await rejectionOf(client({ timeout: 150 }).resize(server, flavor))) as EcsApiError;
      outcomes.push(error.mayHaveTakenEffect);
    }
    expect(outcomes).toEqual([true, true, true, true]);
  });
});
