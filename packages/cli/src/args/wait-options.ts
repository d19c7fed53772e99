import { MAX_TIMEOUT } from '@ecs-resize/core';
import type { OptionSpecs } from './option-spec.js';
import type { OptionValues } from './option-values.js';

/** The flags that tune a wait for a job. */
export const WAIT_OPTIONS = {
  interval: {
    type: 'string',
    value: '<ms>',
    description: 'first pause between two polls of the job; each next is 1.5 times longer, up to 15 s (default 2000)',
  },
  timeout: {
    type: 'string',
    value: '<ms>',
    description: 'how long to wait for the job before giving up, exit 4 (default 1800000: 30 minutes)',
  },
} as const satisfies OptionSpecs;

/** How to wait for a job, from `--interval` and `--timeout`. */
export interface WaitSettings {
  readonly interval?: number | undefined;
  readonly timeout?: number | undefined;
}

/**
 * The wait settings from the flags; those not given keep the client's defaults.
 * @throws {UsageError} When a value is not a whole number of milliseconds.
 */
export function waitSettingsFrom(options: OptionValues): WaitSettings {
  return { interval: options.integer('interval', 1, MAX_TIMEOUT), timeout: options.integer('timeout', 1, MAX_TIMEOUT) };
}
