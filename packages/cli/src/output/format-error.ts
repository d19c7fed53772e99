import {
  EcsApiError,
  EcsInputError,
  EcsNetworkError,
  EcsTimeoutError,
  isEcsError,
  JobFailedError,
  JobTimeoutError,
  PreflightError,
} from '@ecs-resize/core';
import { InterruptedError } from '../errors/InterruptedError.js';
import { ExitCode } from '../exit-codes.js';
import type { Colors } from './colors.js';
import { cliMessageOf } from './cli-words.js';
import { sanitizeTerminalText } from './terminal-text.js';

/** An error as the `--json` document describes it. */
export interface ErrorJson {
  readonly name: string;
  /** The full message: what failed and what to do. */
  readonly message: string;
  /** The process's exit code. */
  readonly exitCode: number;
  /** More, by kind: `code`, `status`, `requestId`, `issues`, `jobId`, `failReason`, `report`, ... */
  readonly [detail: string]: unknown;
}

/** The machine-readable details of the error kinds that have some. */
function detailsOf(error: unknown): Record<string, unknown> {
  if (error instanceof EcsApiError) return { status: error.status, code: error.code, requestId: error.requestId };
  if (error instanceof EcsInputError) return { issues: error.issues };
  if (error instanceof EcsNetworkError || error instanceof EcsTimeoutError)
    return { mayHaveReachedServer: error.mayHaveReachedServer };
  if (error instanceof JobFailedError)
    return { jobId: error.job.job_id, errorCode: error.errorCode, failReason: error.failReason };
  if (error instanceof JobTimeoutError) return { jobId: error.jobId, status: error.job?.status };
  if (error instanceof PreflightError) return { report: error.report };
  return {};
}

/**
 * The error for `--json`: its name, message (in the CLI's words, `cliMessageOf`), exit code and
 * details. `inputNames`: as `cliMessageOf` takes them.
 */
export function errorToJson(error: unknown, exitCode: number, inputNames?: Readonly<Record<string, string>>): ErrorJson {
  const name = error instanceof Error ? error.name : 'Error';
  const message = cliMessageOf(error, inputNames);
  return { name, message, exitCode, ...detailsOf(error) };
}

/**
 * An error's message as plain text: one line for core's errors (they quote strings from the
 * API, which must not start lines of their own), line by line for the CLI's and the config's.
 */
function terminalMessageOf(error: unknown): string {
  const message = cliMessageOf(error);
  return isEcsError(error) ? sanitizeTerminalText(message) : message.split('\n').map(sanitizeTerminalText).join('\n');
}

/**
 * The error for stderr: `error: <message>` (the library's messages say what to do); an
 * interruption's message alone; for an unexpected error (a bug), its stack too.
 */
export function formatError(error: unknown, exitCode: number, colors: Colors): string {
  const message = terminalMessageOf(error);
  if (error instanceof InterruptedError) return colors.yellow(message);
  const text = `${colors.red('error:')} ${message}`;
  if (exitCode !== ExitCode.internal) return text;
  const stack = error instanceof Error && error.stack !== undefined ? `\n${error.stack}` : '';
  return `${text}\nThis is a bug in ecs-resize: please report it with what follows.${stack}`;
}
