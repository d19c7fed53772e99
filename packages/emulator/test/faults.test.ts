import type * as timersPromises from 'node:timers/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SERVERS, startEmulator, type Fault } from '../src/index.js';
import { call, eventually, getJson, resize, useEmulator, type Json } from './helpers.js';

/**
 * The emulator waits out a latency fault with `node:timers/promises`, which vitest's fake timers
 * do not reach. Here it waits on the global `setTimeout` instead, as long and as abortable (the
 * emulator's close aborts it): real time in every test, fake time where a test fakes the timers.
 */
vi.mock('node:timers/promises', async (importOriginal) => ({
  ...(await importOriginal<typeof timersPromises>()),
  setTimeout: <T>(ms: number, value?: T, { signal }: { signal?: AbortSignal } = {}) =>
    new Promise<T | undefined>((resolve, reject) => {
      signal?.throwIfAborted();
      const timer = setTimeout(() => resolve(value), ms);
      signal?.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason as Error)), { once: true });
    }),
}));

const serverPath = `/v1/{p}/cloudservers/${SERVERS.kvmStopped}`;
const resizeBody = { resize: { flavorRef: 's3.xlarge.2' } };

describe('faults', () => {
  const emulator = useEmulator({ jobDurationMs: 60_000 });
  /** Runs `body` with `faults` installed, then removes them and resets the servers touched. */
  const withFaults = async (faults: Fault[], body: () => Promise<void>): Promise<void> => {
    const live = emulator().faults;
    live.push(...faults);
    try {
      await body();
    } finally {
      live.splice(0, live.length);
      const server = emulator().state.servers.get(SERVERS.kvmStopped)!;
      Object.assign(server, { status: 'SHUTOFF', vmState: 'stopped', taskState: null, powerState: 4 });
    }
  };
  const lastLog = () => emulator().state.requests.at(-1);
  const jobCount = () => emulator().state.resizeJobs.length;
  afterEach(() => void vi.useRealTimers());

  /** The latency of the two tests below, in fake time: the test moves the timers past it. */
  const LATENCY_MS = 1000;

  it('latency before: waits, then processes', async () => {
    // Fake timers and a frozen clock, moved past the wait: the job's begin time tells when it was processed.
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    await withFaults([{ route: 'resize', kind: 'latency', delayMs: LATENCY_MS }], async () => {
      const arrived = Date.now();
      const pending = resize(emulator(), SERVERS.kvmStopped, resizeBody);
      await eventually(() => lastLog()?.route === 'resize', 'the resize');
      const jobsDuringDelay = jobCount();
      await vi.advanceTimersByTimeAsync(LATENCY_MS);
      const { status, body } = await pending;
      expect(status).toBe(200);
      expect(emulator().state.jobs.get(body.job_id)?.beginTime).toBe(arrived + LATENCY_MS);
      expect(jobCount()).toBe(jobsDuringDelay + 1);
      expect(lastLog()).toMatchObject({ route: 'resize', status: 200, faults: ['latency'] });
    });
  });

  it('latency after: processes, then waits', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await withFaults([{ route: 'resize', kind: 'latency', phase: 'after', delayMs: LATENCY_MS }], async () => {
      const before = jobCount();
      const pending = resize(emulator(), SERVERS.kvmStopped, resizeBody);
      await eventually(() => jobCount() === before + 1, 'the job');
      expect(lastLog()).toMatchObject({ route: 'resize', status: null, faults: ['latency'] });
      // The answer waits for the timers to pass the latency, not for real time.
      await vi.advanceTimersByTimeAsync(LATENCY_MS - 1);
      expect(lastLog()?.status).toBeNull();
      await vi.advanceTimersByTimeAsync(1);
      expect((await pending).status).toBe(200);
    });
  });

  it('rate-limit: 429 with the APIG.0308 body and Retry-After when given', async () => {
    await withFaults([{ route: 'getServer', kind: 'rate-limit', retryAfter: 3, times: 1 }], async () => {
      const response = await call(emulator(), serverPath);
      expect(response.status).toBe(429);
      expect(response.headers.get('retry-after')).toBe('3');
      expect(await response.json()).toEqual({
        error_msg: 'The throttling threshold has been reached: policy user over ratelimit,limit:10,time:1 second',
        error_code: 'APIG.0308',
        request_id: response.headers.get('x-request-id'),
      });
    });
    const date = 'Wed, 21 Oct 2026 07:28:00 GMT';
    await withFaults([{ route: 'getServer', kind: 'rate-limit', retryAfter: date }], async () => {
      expect((await call(emulator(), serverPath)).headers.get('retry-after')).toBe(date);
    });
    await withFaults([{ route: 'getServer', kind: 'rate-limit' }], async () => {
      const response = await call(emulator(), serverPath);
      expect(response.status).toBe(429);
      expect(response.headers.get('retry-after')).toBeNull();
    });
  });

  it('rate-limit after: the resize IS created but the client sees 429', async () => {
    await withFaults([{ route: 'resize', kind: 'rate-limit', phase: 'after' }], async () => {
      const before = jobCount();
      const { status } = await resize(emulator(), SERVERS.kvmStopped, resizeBody);
      expect(status).toBe(429);
      expect(jobCount()).toBe(before + 1);
      expect(lastLog()).toMatchObject({ route: 'resize', status: 429, faults: ['rate-limit'] });
    });
  });

  it.each([
    [undefined, 500, { error: { message: 'A system exception occurred. Contact customer service.', code: 'Common.0001' } }],
    [502, 502, { error_msg: 'Backend unavailable.', error_code: 'APIG.0202', request_id: expect.any(String) }],
    [503, 503, { error_msg: 'Backend unavailable.', error_code: 'APIG.0202', request_id: expect.any(String) }],
    [504, 504, { error_msg: 'Backend timeout.', error_code: 'APIG.0203', request_id: expect.any(String) }],
  ])('error with status %s: %s and a JSON body', async (status, expected, body) => {
    const fault: Fault =
      status === undefined ? { route: 'getServer', kind: 'error' } : { route: 'getServer', kind: 'error', status };
    await withFaults([fault], async () => {
      const result = await getJson(emulator(), serverPath);
      expect(result).toEqual({ status: expected, body });
    });
  });

  it('reset before: the socket is destroyed and the request is not processed', async () => {
    await withFaults([{ route: 'resize', kind: 'reset' }], async () => {
      const before = jobCount();
      await expect(resize(emulator(), SERVERS.kvmStopped, resizeBody)).rejects.toThrow(TypeError);
      expect(jobCount()).toBe(before);
      expect(lastLog()).toMatchObject({ route: 'resize', status: null, faults: ['reset'] });
    });
  });

  it('reset after: the socket is destroyed but the job exists', async () => {
    await withFaults([{ route: 'resize', kind: 'reset', phase: 'after' }], async () => {
      const before = jobCount();
      await expect(resize(emulator(), SERVERS.kvmStopped, resizeBody)).rejects.toThrow(TypeError);
      expect(jobCount()).toBe(before + 1);
    });
  });

  it('malformed-json: 200 with a truncated copy of the real answer', async () => {
    const real = await (await call(emulator(), serverPath)).text();
    await withFaults([{ route: 'getServer', kind: 'malformed-json', phase: 'after' }], async () => {
      const response = await call(emulator(), serverPath);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json;charset=UTF-8');
      const text = await response.text();
      expect(text.length).toBeGreaterThan(0);
      expect(real.startsWith(text)).toBe(true);
      expect(() => JSON.parse(text)).toThrow(SyntaxError);
    });
    await withFaults([{ route: 'getServer', kind: 'malformed-json' }], async () => {
      const response = await call(emulator(), serverPath);
      await expect(response.json()).rejects.toThrow(SyntaxError);
    });
  });

  it('html: an nginx error page (502 by default)', async () => {
    await withFaults([{ route: 'getServer', kind: 'html' }], async () => {
      const response = await call(emulator(), serverPath);
      expect(response.status).toBe(502);
      expect(response.headers.get('content-type')).toBe('text/html');
      const text = await response.text();
      expect(text).toContain('<center><h1>502 Bad Gateway</h1></center>');
      expect(text).toContain('<hr><center>nginx</center>');
    });
  });

  it('empty: the status with no body (503 by default)', async () => {
    await withFaults(
      [
        { route: 'getServer', kind: 'empty' },
        { route: 'getJob', kind: 'empty', status: 504 },
      ],
      async () => {
        const response = await call(emulator(), serverPath);
        expect(response.status).toBe(503);
        expect(response.headers.get('content-type')).toBeNull();
        expect(await response.text()).toBe('');
        expect((await call(emulator(), '/v1/{p}/jobs/x')).status).toBe(504);
      },
    );
  });

  it('matches by route, "*" and method', async () => {
    await withFaults([{ route: '*', method: 'post', kind: 'error', status: 503 }], async () => {
      expect((await call(emulator(), serverPath)).status).toBe(200);
      expect((await resize(emulator(), SERVERS.kvmStopped, { resize: { flavorRef: 's3.xlarge.2' }, dry_run: true })).status).toBe(
        503,
      );
    });
    await withFaults([{ route: 'listFlavors', kind: 'error' }], async () => {
      expect((await call(emulator(), serverPath)).status).toBe(200);
      expect((await call(emulator(), '/v1/{p}/cloudservers/flavors')).status).toBe(500);
    });
  });

  it('is spent after `times` hits, and latency combines with one other fault', async () => {
    await withFaults(
      [
        { route: 'getServer', kind: 'latency', delayMs: 20, times: 1 },
        { route: 'getServer', kind: 'error', status: 503, times: 2 },
        { route: 'getServer', kind: 'html', times: 1 },
      ],
      async () => {
        const statuses = [];
        for (let i = 0; i < 4; i++) statuses.push((await call(emulator(), serverPath)).status);
        expect(statuses).toEqual([503, 503, 502, 200]);
        const faults = emulator()
          .state.requests.slice(-4)
          .map((entry) => entry.faults);
        expect(faults).toEqual([['latency', 'error'], ['error'], ['html'], []]);
      },
    );
  });

  it('is live: faults pushed or spliced at run time apply at once', async () => {
    expect((await call(emulator(), serverPath)).status).toBe(200);
    emulator().faults.push({ route: 'getServer', kind: 'empty' });
    expect((await call(emulator(), serverPath)).status).toBe(503);
    emulator().faults.splice(0, 1);
    expect((await call(emulator(), serverPath)).status).toBe(200);
  });
});

describe('probabilistic faults', () => {
  const pattern = async (seed: number, probability: number): Promise<number[]> => {
    const emulator = await startEmulator({ seed, faults: [{ route: 'listFlavors', kind: 'empty', probability }] });
    try {
      const statuses = [];
      for (let i = 0; i < 40; i++) statuses.push((await call(emulator, '/v1/{p}/cloudservers/flavors')).status);
      return statuses;
    } finally {
      await emulator.close();
    }
  };

  it('follows the seed: same seed, same hits; about `probability` of them', async () => {
    const first = await pattern(7, 0.5);
    expect(await pattern(7, 0.5)).toEqual(first);
    expect(await pattern(8, 0.5)).not.toEqual(first);
    const hits = first.filter((status) => status === 503).length;
    expect(hits).toBeGreaterThan(8);
    expect(hits).toBeLessThan(32);
    expect((await pattern(7, 0)).every((status) => status === 200)).toBe(true);
  });
});

describe('fault validation', () => {
  it.each([
    [{ route: 'nope', kind: 'error' }, /unknown route/],
    [{ route: '*', kind: 'explode' }, /unknown kind/],
    [{ route: '*', kind: 'error', probability: 2 }, /probability/],
    [{ route: '*', kind: 'error', times: -1 }, /times/],
    [{ route: '*', kind: 'error', status: 99 }, /status/],
    [{ route: '*', kind: 'latency', delayMs: -5 }, /delayMs/],
    [{ route: '*', kind: 'error', phase: 'during' }, /phase/],
  ])('refuses %j', async (fault, message) => {
    await expect(startEmulator({ faults: [fault as Json] })).rejects.toThrow(message);
  });
});
