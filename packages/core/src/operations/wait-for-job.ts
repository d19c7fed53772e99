import * as v from 'valibot';
import type { EcsConnection } from '../connection/create-ecs-connection.js';
import { MAX_TIMEOUT } from '../connection/connection-options.js';
import { JobFailedError } from '../errors/JobFailedError.js';
import { JobTimeoutError } from '../errors/JobTimeoutError.js';
import { isTransientError } from '../errors/is-transient.js';
import { IdSchema } from '../input/id-schema.js';
import { parseInput } from '../input/parse-input.js';
import { wholeNumber } from '../input/whole-number.js';
import { requestOptionsEntries, type RequestOptions } from '../input/request-options.js';
import type { Job } from '../schemas/job.js';
import { sleep } from '../utils/sleep.js';
import { _getJob } from './get-job.js';

/** Each pause is this many times the one before, up to `maxInterval`. */
export const JOB_POLL_GROWTH = 1.5;

/** The defaults of `waitForJob`, in milliseconds. */
export const WAIT_DEFAULTS = { interval: 2000, maxInterval: 15_000, timeout: 30 * 60_000 } as const;

/** Options of `waitForJob`. */
export interface WaitForJobOptions extends RequestOptions {
  /** The first pause between two polls, in ms; each next pause is 1.5 times longer. @default 2000 */
  interval?: number | undefined;
  /** The longest pause between two polls, in ms. @default 15000 */
  maxInterval?: number | undefined;
  /** How long to wait for the job to end, in ms (the tools' usual 30 minutes). @default 1800000 */
  timeout?: number | undefined;
  /** Called with the job after every successful poll, to show progress. */
  onProgress?: ((job: Job) => void) | undefined;
}

const Milliseconds = wholeNumber(1, MAX_TIMEOUT);

const InputSchema = v.object({
  jobId: IdSchema,
  options: v.optional(
    v.strictObject(
      {
        ...requestOptionsEntries,
        interval: v.optional(Milliseconds, WAIT_DEFAULTS.interval),
        maxInterval: v.optional(Milliseconds, WAIT_DEFAULTS.maxInterval),
        timeout: v.optional(Milliseconds, WAIT_DEFAULTS.timeout),
        onProgress: v.optional(v.function('must be a function')),
      },
      'must be { interval?, maxInterval?, timeout?, onProgress?, signal? }: check the option names',
    ),
    {},
  ),
});

/**
 * Polls the job until it ends: resolves with the job on `SUCCESS`, throws `JobFailedError`
 * on `FAIL`, `JobTimeoutError` when `timeout` passes, the signal's reason on abort. Transient
 * failures while polling (network, timeout, 429, 5xx, a garbled body) do not end the wait.
 * Also `client.waitForJob`.
 */
export async function waitForJob(ecs: EcsConnection, jobId: string, options?: WaitForJobOptions): Promise<Job> {
  const input = parseInput('waitForJob', '', InputSchema, { jobId, options });
  const { interval, maxInterval, timeout, onProgress, signal } = input.options;
  // A plain timer rather than AbortSignal.timeout, so that tests can drive it with fake timers.
  const deadline = new AbortController();
  const deadlineTimer = setTimeout(() => deadline.abort(new DOMException('waitForJob timed out', 'TimeoutError')), timeout);
  const stop = signal ? AbortSignal.any([signal, deadline.signal]) : deadline.signal;
  let last: Job | undefined;

  /** One poll: the job, or undefined after a transient failure. */
  const poll = async (): Promise<Job | undefined> => {
    try {
      return await _getJob(ecs, input.jobId, stop);
    } catch (error) {
      if (stop.aborted || !isTransientError(error)) throw error;
      return undefined;
    }
  };

  try {
    for (let pause = Math.min(interval, maxInterval); ; pause = Math.min(pause * JOB_POLL_GROWTH, maxInterval)) {
      const job = await poll();
      if (job) {
        last = job;
        onProgress?.(job);
        if (job.status === 'SUCCESS') return job;
        if (job.status === 'FAIL') throw new JobFailedError(job, ecs.transport.secrets());
      }
      await sleep(pause, stop);
    }
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    if (deadline.signal.aborted) throw new JobTimeoutError(input.jobId, timeout, last, ecs.transport.secrets());
    throw error;
  } finally {
    clearTimeout(deadlineTimer);
  }
}
