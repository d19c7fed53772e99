import { JobFailedError, type Job } from '@ecs-resize/core';
import { WAIT_OPTIONS, waitSettingsFrom } from '../args/wait-options.js';
import { ExitCode } from '../exit-codes.js';
import { waitWithProgress } from '../jobs/wait-with-progress.js';
import type { Colors } from '../output/colors.js';
import { formatError } from '../output/format-error.js';
import { styledJobStatus } from '../output/job-status.js';
import { sanitizeTerminalText } from '../output/terminal-text.js';
import type { Command } from './command.js';

/** A job's fields for people, in a two-column list; absent ones left out. Every value from the API is sanitized before it is styled. */
function formatJob(job: Job, colors: Colors): string {
  const rows: [string, string | null | undefined][] = [
    ['job', job.job_id],
    ['status', job.status],
    ['type', job.job_type],
    ['server', job.entities?.server_id],
    ['begin', job.begin_time],
    ['end', job.end_time],
    ['error code', job.error_code],
    ['fail reason', job.fail_reason],
  ];
  const shown = (name: string, value: string) =>
    name === 'status' ? styledJobStatus(sanitizeTerminalText(value), colors) : sanitizeTerminalText(value);
  return rows.flatMap(([name, value]) => (value ? [`${name.padEnd(12)}${shown(name, value)}`] : [])).join('\n');
}

/** `ecs-resize job <id> [--wait]`: a job's status, or its end. */
export const jobCommand: Command = {
  name: 'job',
  summary: 'show a job (e.g. a resize), or wait for it to end with --wait',
  args: ['id'],
  options: {
    wait: { type: 'boolean', description: 'wait for the job to end, with a progress line' },
    ...WAIT_OPTIONS,
  },
  description: [
    'Shows the job from GET /v1/{project_id}/jobs/{job_id}. With --wait, polls it until it',
    'ends; this is how to resume after Ctrl-C stopped `resize --wait`. Exit code 4 when the',
    'job failed (or did not end within --timeout).',
  ].join('\n'),
  examples: ['ecs-resize job ff80808288d41e1b018990260955686a', 'ecs-resize job ff80808288d41e1b018990260955686a --wait --json'],
  async run({ args: [jobId = ''], options, terminal, signal, client }) {
    const settings = waitSettingsFrom(options);
    const ecs = await client();
    const job = options.flag('wait')
      ? await waitWithProgress(ecs, terminal, jobId, settings, signal)
      : await ecs.getJob(jobId, { signal });
    if (terminal.json) terminal.printJson({ job });
    else terminal.print(formatJob(job, terminal.colors));
    if (job.status !== 'FAIL') return ExitCode.ok;
    terminal.printError(formatError(new JobFailedError(job), ExitCode.jobFailed, terminal.errorColors));
    return ExitCode.jobFailed;
  },
};
