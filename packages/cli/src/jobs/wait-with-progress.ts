import type { EcsClient, Job } from '@ecs-resize/core';
import type { WaitSettings } from '../args/wait-options.js';
import { InterruptedError } from '../errors/InterruptedError.js';
import { createJobProgress } from '../output/job-progress.js';
import { shellQuote } from '../output/shell-quote.js';
import type { Terminal } from '../output/terminal.js';

/** The command that resumes waiting for a job (the id quoted when it needs it). */
export const resumeCommand = (jobId: string) => `ecs-resize job ${shellQuote(jobId)} --wait`;

/**
 * Waits for the job with a live progress line. Resolves with the job on `SUCCESS`; throws
 * `JobFailedError` on `FAIL`, `JobTimeoutError` at the timeout. When `signal` aborts (Ctrl-C)
 * the wait stops and an `InterruptedError` says that the job goes on and how to resume:
 * `ecs-resize job <id> --wait`.
 */
export async function waitWithProgress(
  client: EcsClient,
  terminal: Terminal,
  jobId: string,
  settings: WaitSettings,
  signal: AbortSignal,
): Promise<Job> {
  const progress = createJobProgress(terminal, jobId);
  try {
    return await client.waitForJob(jobId, { ...settings, signal, onProgress: (job) => progress.update(job) });
  } catch (error) {
    if (!(error instanceof InterruptedError)) throw error;
    throw new InterruptedError(
      error.signal,
      `Stopped waiting (${error.signal}): job ${jobId} goes on in the cloud. Resume with: ${resumeCommand(jobId)}`,
      { cause: error },
    );
  } finally {
    progress.end();
  }
}
