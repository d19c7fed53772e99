import { SERVERS } from '@ecs-resize/emulator';
import { afterEach, describe, expect, it } from 'vitest';
import { JobTimeoutError, type Job } from '../src/index.js';
import { FAST_WAIT, clientOf, rejectionOf, useEmulator } from './helpers.js';

describe('waitForJob', () => {
  const emulator = useEmulator({ jobDurationMs: 300 });
  afterEach(() => void emulator().faults.splice(0));

  it('reports progress on every poll and resolves with the successful job', async () => {
    const client = clientOf(emulator());
    const { jobId } = await client.resize(SERVERS.xenDrivers, 's3.large.2');
    const seen: string[] = [];
    const job = await client.waitForJob(jobId!, { ...FAST_WAIT, onProgress: (polled: Job) => void seen.push(polled.status) });
    expect(job.status).toBe('SUCCESS');
    expect(seen.at(-1)).toBe('SUCCESS');
    expect(seen).toContain('RUNNING');
    expect(seen.indexOf('RUNNING')).toBeLessThan(seen.indexOf('SUCCESS'));
  });

  it('polls with a growing interval up to the cap', async () => {
    const client = clientOf(emulator());
    const { jobId } = await client.resize(SERVERS.xenDrivers, 's3.xlarge.2');
    const before = emulator().state.countRequests('getJob');
    await client.waitForJob(jobId!, { interval: 20, maxInterval: 80, timeout: 10_000 });
    const polls = emulator().state.countRequests('getJob') - before;
    // 300 ms of job: pauses 20, 30, 45, 67.5, then 80 each: about 7 polls; a fixed 20 ms would be 15.
    expect(polls).toBeGreaterThanOrEqual(4);
    expect(polls).toBeLessThanOrEqual(10);
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
    const job = await client.waitForJob(jobId!, FAST_WAIT);
    expect(job.status).toBe('SUCCESS');
    const faulted = emulator().state.requests.filter((entry) => entry.route === 'getJob' && entry.faults.length > 0);
    expect(faulted.map((entry) => entry.faults[0])).toEqual(['error', 'error', 'reset', 'malformed-json', 'rate-limit', 'html']);
  });

  it('stops at its timeout with JobTimeoutError holding the last job', async () => {
    const client = clientOf(emulator());
    const { jobId } = await client.resize(SERVERS.xen24Vbd, 's3.large.2');
    const error = (await rejectionOf(client.waitForJob(jobId!, { interval: 10, timeout: 100 }))) as JobTimeoutError;
    expect(error).toBeInstanceOf(JobTimeoutError);
    expect(error.jobId).toBe(jobId);
    expect(error.job?.status).toMatch(/INIT|RUNNING/);
    expect(error.message).toContain(`waitForJob('${jobId}')`);
    await client.waitForJob(jobId!, FAST_WAIT);
  });

  it('stops at once when aborted, with the signal reason', async () => {
    const client = clientOf(emulator());
    const { jobId } = await client.resize(SERVERS.xenRunning, 's1.xlarge', { mode: 'withStopServer' });
    const controller = new AbortController();
    const reason = new Error('operator pressed Ctrl-C');
    setTimeout(() => controller.abort(reason), 50);
    const started = Date.now();
    const error = await rejectionOf(client.waitForJob(jobId!, { interval: 1000, signal: controller.signal }));
    expect(error).toBe(reason);
    expect(Date.now() - started).toBeLessThan(500);
  });
});
