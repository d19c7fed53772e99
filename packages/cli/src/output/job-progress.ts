import type { Job } from '@ecs-resize/core';
import { styledJobStatus } from './job-status.js';
import type { Terminal } from './terminal.js';
import { REWRITE_LINE, sanitizeTerminalText } from './terminal-text.js';

/** Shows a job's progress while it is waited for. */
export interface JobProgress {
  /** Shows the job as just polled. */
  update(job: Job): void;
  /** Ends the progress display (a live line gets its newline). */
  end(): void;
}

/**
 * The progress of one job: `job <id>: RUNNING after 3.2 s`. On a terminal it is one line
 * that rewrites itself at every poll; otherwise (a pipe, a log) one line per status change.
 * It goes to stdout, or to stderr with `--json`.
 */
export function createJobProgress(terminal: Terminal, jobId: string, now: () => number = Date.now): JobProgress {
  const started = now();
  let lastStatus: string | undefined;
  const line = (job: Job) =>
    `job ${sanitizeTerminalText(jobId)}: ${styledJobStatus(sanitizeTerminalText(job.status), terminal.progressColors)} after ${((now() - started) / 1000).toFixed(1)} s`;
  return {
    update(job) {
      if (terminal.liveProgress) terminal.progress.write(`${REWRITE_LINE}${line(job)}`);
      else if (job.status !== lastStatus) terminal.progress.write(`${line(job)}\n`);
      lastStatus = job.status;
    },
    end() {
      if (terminal.liveProgress && lastStatus !== undefined) terminal.progress.write('\n');
    },
  };
}
