import { classifyFailure } from './failure-class.js';

/**
 * True for a failure that says nothing about the thing asked for and may pass on its own: no
 * response, a timeout, throttling (429, or a throttling code whatever the status, as
 * `Common.0024` with 202), a busy server (`Ecs.0603`), a 500/502/503/504, or a garbled body.
 * Safe to ask again for reads only. Works across realms. See `errors/failure-class.ts`.
 */
export function isTransientError(error: unknown): boolean {
  return classifyFailure(error).transient;
}
