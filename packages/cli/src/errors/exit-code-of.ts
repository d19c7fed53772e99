import { EcsInputError, isEcsError, JobFailedError, JobTimeoutError, PreflightError } from '@ecs-resize/core';
import { JournalError } from '@ecs-resize/fleet/journal';
import { InvalidFactsError, RuleConfigError } from '@ecs-resize/rules';
import { constants } from 'node:os';
import { ExitCode } from '../exit-codes.js';
import { InterruptedError } from './InterruptedError.js';
import { UsageError } from './UsageError.js';

/**
 * The exit code for an error that ended a command: 2 for usage and input errors (a fleet
 * journal that cannot be used, too), 1 for a
 * preflight that blocked, 4 for a failed or timed-out job, 3 for any other error of the API
 * or the network, 128 + the signal's number for an interruption, 70 for anything else (a bug).
 */
export function exitCodeOf(error: unknown): number {
  if (error instanceof InterruptedError) return 128 + constants.signals[error.signal];
  if (
    error instanceof UsageError ||
    error instanceof EcsInputError ||
    error instanceof RuleConfigError ||
    error instanceof JournalError
  )
    return ExitCode.usage;
  if (error instanceof PreflightError) return ExitCode.blocked;
  if (error instanceof JobFailedError || error instanceof JobTimeoutError) return ExitCode.jobFailed;
  // Facts that do not fit the rules come from API answers nobody expected.
  if (isEcsError(error) || error instanceof InvalidFactsError) return ExitCode.api;
  return ExitCode.internal;
}
