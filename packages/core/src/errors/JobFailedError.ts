import type { Job } from '../schemas/job.js';
import { redactSecretsDeep } from '../http/redact.js';
import { EcsError } from './EcsError.js';
import { jobFailure } from '../schemas/job.js';
import { trimEnd } from '../utils/trim-end.js';

/** The job ended with status `FAIL`. `job` is the API's job object, with `error_code` and `fail_reason`. */
export class JobFailedError extends EcsError {
  override name = 'JobFailedError';
  /** The failed job, as the API returned it. */
  readonly job: Job;
  /** The job's (or its first failed sub-job's) `error_code`. */
  readonly errorCode: string | undefined;
  /** The job's (or its first failed sub-job's) `fail_reason`. */
  readonly failReason: string | undefined;

  /**
   * @param unmaskedJob The job object with status `FAIL`, as the API returned it.
   * @param secrets Secrets to mask in every string of the job (its `fail_reason` may echo one) before it is kept.
   */
  constructor(unmaskedJob: Job, secrets: readonly string[] = []) {
    const job = redactSecretsDeep(unmaskedJob, secrets);
    const { errorCode, failReason } = jobFailure(job);
    const why =
      [errorCode, failReason === undefined ? undefined : trimEnd(failReason, '.')].filter(Boolean).join(': ') ||
      'no reason given';
    super(
      `Job ${job.job_id ?? '(no id)'} failed: ${why}. The server was not resized; ` +
        'find the cause (check the same resize again: a rule may name it), fix it, and resize again.',
    );
    this.job = job;
    this.errorCode = errorCode;
    this.failReason = failReason;
  }
}
