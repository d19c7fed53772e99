import { EcsApiError, EcsInputError, JobTimeoutError, isWrongEndpointError, messageOf } from '@ecs-resize/core';
import { JournalError } from '@ecs-resize/fleet/journal';
import { resumeCommand } from '../jobs/wait-with-progress.js';
import { describeLockHolder } from './lock-holder.js';
import { shellQuote } from './shell-quote.js';

/**
 * The CLI's words for the inputs core names by their option paths: the argument, flag or
 * environment variable they come from.
 */
export const COMMAND_LINE_NAMES: Readonly<Record<string, string>> = {
  serverId: '<server>',
  flavorRef: '<flavor>',
  jobId: '<id>',
  /** A `<server>` that is no UUID is looked up by name (`listServers`' `name`). */
  'options.name': '<server>',
  'options.mode': '--mode',
  'options.autoPay': '--auto-pay',
  'options.dedicatedHostId': '--dedicated-host',
  'options.interval': '--interval',
  'options.timeout': '--timeout',
  endpoint: '--endpoint (ECS_ENDPOINT)',
  projectId: '--project-id (HW_PROJECT_ID)',
  region: '--region (HW_REGION_NAME)',
  'auth.accessKey': 'HW_ACCESS_KEY',
  'auth.secretKey': 'HW_SECRET_KEY',
  'auth.securityToken': 'HW_SECURITY_TOKEN',
  'auth.token': 'OS_AUTH_TOKEN',
};

/** The flags and commands that answer core's advice for an API error code (`errors/api-error-hints.ts`). */
const CLI_ADVICE_BY_CODE: Readonly<Record<string, string>> = {
  'Ecs.0023': 'The project id is HW_PROJECT_ID (or --project-id).',
  'Common.0018': 'The project id is HW_PROJECT_ID (or --project-id).',
  'Ecs.0019': 'List them: ecs-resize flavors <server>.',
  'Ecs.0029': 'List them: ecs-resize flavors <server>.',
  'Ecs.0100': 'That mode is --mode withStopServer.',
};

/** Where the CLI's endpoint comes from, for an answer that is not the ECS API's. */
const CLI_ENDPOINT_ADVICE = 'The endpoint is --endpoint (ECS_ENDPOINT), or the default of --region (HW_REGION_NAME).';

/** The CLI's flags and commands for what an API error's advice asks, or undefined when it has none. */
function cliAdviceOf(error: EcsApiError): string | undefined {
  if (isWrongEndpointError(error)) return CLI_ENDPOINT_ADVICE;
  return error.code !== undefined && Object.hasOwn(CLI_ADVICE_BY_CODE, error.code) ? CLI_ADVICE_BY_CODE[error.code] : undefined;
}

/** How to remove a lock file by hand, when it really is stale. */
const removeHint = (path: string) => `If no other run uses it, remove it: rm ${shellQuote(path)}`;

/**
 * A journal's lock that refused this run, in the CLI's words: who holds it, shell-quoted, and
 * the `rm` command that removes it; undefined for the journal's other errors (their messages
 * are the library's).
 */
function lockRefusalOf({ kind, journalPath, file, holder }: JournalError): string | undefined {
  const lock = `${journalPath}.lock`;
  switch (kind) {
    case 'locked':
      return holder === undefined
        ? undefined
        : `The journal ${journalPath} is in use by another run: ${describeLockHolder(holder)} (lock file ${file}). ` +
            `Wait for it to end. ${removeHint(file)}`;
    case 'lock-unreadable':
      return `The journal's lock file ${file} is not a lock (unreadable). ${removeHint(file)}`;
    case 'takeover-in-progress':
      return `Another run is taking over the stale lock ${lock}. ${removeHint(file)} (it is left only by a run that crashed while taking over).`;
    default:
      return undefined;
  }
}

/**
 * An error's message in the CLI's words, where core's names the library: a job wait that ran
 * out says how to resume it with `ecs-resize job <id> --wait`; refused input names the
 * argument, flag or environment variable; an API error's message (core's, in neutral words) is
 * followed by the flags and commands that answer it (`HW_PROJECT_ID`, `--endpoint`,
 * `ecs-resize flavors`, `--mode`), chosen by its code; a journal's lock
 * that refused the run says how to remove it. Other messages are the library's own.
 * @param inputNames The words for core's input paths: {@link COMMAND_LINE_NAMES} for a command
 *   line; none for a fleet file, whose fields have core's names.
 */
export function cliMessageOf(error: unknown, inputNames: Readonly<Record<string, string>> = COMMAND_LINE_NAMES): string {
  if (error instanceof JobTimeoutError) {
    const last = error.job === undefined ? 'no status read' : `last status ${error.job.status}`;
    return (
      `Job ${error.jobId} did not end within ${error.timeout} ms (${last}). It may still finish: ` +
      `run ${resumeCommand(error.jobId)}, with a longer --timeout if needed.`
    );
  }
  if (error instanceof EcsInputError) {
    const issues = error.issues.map(({ path, message }) => `${inputNames[path] ?? path}: ${message}`);
    return `Invalid input: ${issues.join('; ')}. Nothing was sent.`;
  }
  if (error instanceof JournalError) return lockRefusalOf(error) ?? error.message;
  const message = messageOf(error);
  const advice = error instanceof EcsApiError ? cliAdviceOf(error) : undefined;
  return advice === undefined ? message : `${message} ${advice}`;
}
