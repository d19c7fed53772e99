import type { Job } from '../schemas/job.js';
import { redactSecrets, redactSecretsDeep } from '../http/redact.js';
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
   * @param unmaskedJobId The job waited for.
   * @param timeout The wait's timeout, in milliseconds.
   * @param unmaskedJob The last job object seen.
   * @param secrets Secrets to mask in the job id and every string of the job before they are kept.
   */
  constructor(unmaskedJobId: string, timeout: number, unmaskedJob: Job | undefined, secrets: readonly string[] = []) {
    const jobId = redactSecrets(unmaskedJobId, secrets);
    const job = redactSecretsDeep(unmaskedJob, secrets);
    const last = job ? `last status ${job.status}` : 'no status read';
    super(
      `Job ${jobId} did not end within ${timeout} ms (${last}). It may still finish: ` +
        `wait for job ${jobId} again, with a longer timeout if needed.`,
    );
    this.jobId = jobId;
    this.timeout = timeout;
    this.job = job;
  }
}
