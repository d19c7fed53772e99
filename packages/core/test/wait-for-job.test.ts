import { SERVERS } from '@ecs-resize/emulator';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { JobTimeoutError, type Job } from '../src/index.js';
import { FAST_WAIT, advanceClock, clientOf, eventually, rejectionOf, useEmulator, useFrozenClock } from './helpers.js';

/** The emulator's jobs last this long, on the frozen clock. */
const JOB_MS = 300;

describe('waitForJob', () => {
  const emulator = useEmulator({ jobDurationMs: JOB_MS });
  useFrozenClock();
  afterEach(() => void emulator().faults.splice(0));

  /** Fakes the timers too (the pauses and the deadline), keeping the frozen `Date`. */
  const fakeTimers = () => vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });

  it('reports progress on every poll and resolves with the successful job', async () => {
    const client = clientOf(emulator());
    const { jobId } = await client.resize(SERVERS.xenDrivers, 's3.large.2');
    const seen: string[] = [];
    // A third of the job passes between two polls: INIT (the first tenth), RUNNING, RUNNING, SUCCESS.
    const onProgress = (polled: Job) => {
      seen.push(polled.status);
      advanceClock(JOB_MS / 3);
    };
    const job = await client.waitForJob(jobId!, { ...FAST_WAIT, onProgress });
    expect(job.status).toBe('SUCCESS');
    expect(seen).toEqual(['INIT', 'RUNNING', 'RUNNING', 'SUCCESS']);
  });

  it('polls with a growing interval up to the cap', async () => {
    fakeTimers();
    const polledAt: number[] = [];
    const client = clientOf(emulator(), {
      fetch: (input: RequestInfo | URL, init?: RequestInit) => {
        polledAt.push(Date.now());
        return fetch(input, init);
      },
    });
    const { jobId } = await client.resize(SERVERS.xenDrivers, 's3.xlarge.2');
    const answered: Job[] = [];
    const waiting = client.waitForJob(jobId!, {
      interval: 20,
      maxInterval: 80,
      timeout: 10_000,
      onProgress: (job) => void answered.push(job),
    });
    // Each pause is 1.5 times the one before, up to 80 ms (timers count whole milliseconds: 67.5 is 67).
    const pauses = [20, 30, 45, 67, 80, 80];
    for (const [index, pause] of pauses.entries()) {
      await eventually(() => answered.length === index + 1);
      await vi.advanceTimersByTimeAsync(pause);
    }
    expect((await waiting).status).toBe('SUCCESS');
    // The resize was the first fetch; each poll came when its pause ended, and the job had ended (300 ms) by the 7th.
    const polls = polledAt.slice(1);
    expect(polls.slice(1).map((at, index) => at - polls[index]!)).toEqual(pauses);
    // INIT for its first 30 ms (polls at 0 and 20 ms), RUNNING until 300 ms.
    expect(answered.map((job) => job.status)).toEqual(['INIT', 'INIT', 'RUNNING', 'RUNNING', 'RUNNING', 'RUNNING', 'SUCCESS']);
  });

  it('survives transient failures while polling and ends with the real outcome', async () => {
    const client = clientOf(emulator(), { retry: 0 });
    const { jobId } = await client.resize(SERVERS.kvmStopped, 's3.2xlarge.2');
    emulator().faults.push(
      { route: 'getJob', kind: 'error', status: 503, times: 2 },
      { route: 'getJob', kind: 'reset', times: 1 },
      { route: 'getJob', kind: 'malformed-json', times: 1 },
      { route: 'getJob', kind: 'rate-limit', times: 1 },
      { route: 'getJob', kind: 'html', times: 1 },
    );
    advanceClock(JOB_MS);
    const job = await client.waitForJob(jobId!, FAST_WAIT);
    expect(job.status).toBe('SUCCESS');
    const faulted = emulator().state.requests.filter((entry) => entry.route === 'getJob' && entry.faults.length > 0);
    expect(faulted.map((entry) => entry.faults[0])).toEqual(['error', 'error', 'reset', 'malformed-json', 'rate-limit', 'html']);
  });

  it('stops at its timeout with JobTimeoutError holding the last job', async () => {
    fakeTimers();
    const client = clientOf(emulator());
    const { jobId } = await client.resize(SERVERS.xen24Vbd, 's3.large.2');
    const answered: Job[] = [];
    const outcome = rejectionOf(
      client.waitForJob(jobId!, { interval: 10, timeout: 100, onProgress: (job) => void answered.push(job) }),
    );
    await eventually(() => answered.length === 1);
    await vi.advanceTimersByTimeAsync(100);
    const error = (await outcome) as JobTimeoutError;
    expect(error).toBeInstanceOf(JobTimeoutError);
    expect(error.jobId).toBe(jobId);
    expect(error.job?.status).toMatch(/INIT|RUNNING/);
    expect(error.message).toContain(`wait for job ${jobId} again`);
    advanceClock(JOB_MS);
    expect((await client.waitForJob(jobId!, FAST_WAIT)).status).toBe('SUCCESS');
  });

  it('stops at once when aborted, with the signal reason', async () => {
    fakeTimers();
    const client = clientOf(emulator());
    const { jobId } = await client.resize(SERVERS.xenRunning, 's1.xlarge', { mode: 'withStopServer' });
    const controller = new AbortController();
    const reason = new Error('operator pressed Ctrl-C');
    let polls = 0;
    const outcome = rejectionOf(
      client.waitForJob(jobId!, { interval: 1000, signal: controller.signal, onProgress: () => void (polls += 1) }),
    );
    await eventually(() => polls === 1);
    // The first pause (1000 ms) has begun; no time passes on the fake clock from here on.
    const abortedAt = Date.now();
    controller.abort(reason);
    expect(await outcome).toBe(reason);
    expect([Date.now(), polls]).toEqual([abortedAt, 1]);
  });
});
