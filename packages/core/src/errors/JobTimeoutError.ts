import type { Job } from '../schemas/job.js';
import { EcsError } from './EcsError.js';

/** `waitForJob` gave up before the job ended. The job itself may still finish. */
export class JobTimeoutError extends EcsError {
  override name = 'JobTimeoutError';
  /** The job waited for. */
  readonly jobId: string;
  /** How long the wait lasted, in milliseconds. */
  readonly timeout: number;
  /** The last job object seen, if any poll succeeded. */
  readonly job: Job | undefined;

  /**
   * @param jobId The job waited for.
   * @param timeout The wait's timeout, in milliseconds.
   * @param job The last job object seen.
   */
  constructor(jobId: string, timeout: number, job: Job | undefined) {
    const last = job ? `last status ${job.status}` : 'no status read';
    super(
      `Job ${jobId} did not end within ${timeout} ms (${last}). It may still finish: ` +
        `call waitForJob('${jobId}') again, with a longer timeout if needed.`,
    );
    this.jobId = jobId;
    this.timeout = timeout;
    this.job = job;
  }
}
