import { EcsApiError, EcsInputError, JobTimeoutError, messageOf } from '@ecs-resize/core';
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

/** Core's advice that names its options and functions (`errors/api-error-hints.ts`), and the CLI's words for each. */
const CORE_ADVICE: readonly (readonly [string, string])[] = [
  ['check projectId.', 'check HW_PROJECT_ID (or --project-id).'],
  ['check the endpoint option', 'check --endpoint (ECS_ENDPOINT), or --region (HW_REGION_NAME) whose endpoint is the default'],
  ['listResizeFlavors()', 'ecs-resize flavors <server>'],
  ["resize with mode 'withStopServer'", 'resize with --mode withStopServer'],
];

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
 * argument, flag or environment variable; an API error's advice names the flags and commands
 * (`HW_PROJECT_ID`, `--endpoint`, `ecs-resize flavors`, `--mode`); a journal's lock
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
  if (!(error instanceof EcsApiError)) return message;
  return CORE_ADVICE.reduce((text, [core, cli]) => text.replace(core, cli), message);
}
