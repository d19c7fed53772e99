import type { Confirmations, EcsConnection } from '@ecs-resize/core';
import { mapConcurrent } from '@ecs-resize/core/internal';
import type { RuleEngine } from '@ecs-resize/rules';
import { runPreflight, type PreflightResult } from '../preflight/run-preflight.js';
import type { FlavorChange } from './find-flavor-changes.js';

/** The servers checked at once: each check is a handful of reads. */
export const CHECK_CONCURRENCY = 8;

/** The verdict on one resize of a plan. */
export type ResizeVerdict =
  | { readonly change: FlavorChange; readonly verdict: 'ok' | 'blocked'; readonly result: PreflightResult }
  /** The server could not be checked (the API failed, or refused the input). */
  | { readonly change: FlavorChange; readonly verdict: 'error'; readonly error: unknown };

/** What every check of a plan shares. */
export interface CheckFlavorChangesOptions {
  /** What the operator attests (`--confirm`), for every resize. */
  readonly confirmations: Confirmations;
  readonly signal: AbortSignal;
}

/** Checks one resize through the CLI's one preflight path; a failure is its verdict, unless the run was stopped. */
async function checkOne(ecs: EcsConnection, engine: RuleEngine, change: FlavorChange, options: CheckFlavorChangesOptions) {
  try {
    const result = await runPreflight(ecs, engine, change.serverId, change.to, { ...change.request, ...options });
    return { change, verdict: result.report.ok ? 'ok' : 'blocked', result } as const;
  } catch (error) {
    options.signal.throwIfAborted();
    return { change, verdict: 'error', error } as const;
  }
}

/**
 * Checks every resize of a plan against the live API, each as the provider will send it
 * (`FlavorChange.request`), {@link CHECK_CONCURRENCY} at a time; the verdicts in plan order.
 * @throws The signal's reason when the run is stopped (Ctrl-C); nothing else.
 */
export function checkFlavorChanges(
  ecs: EcsConnection,
  engine: RuleEngine,
  changes: readonly FlavorChange[],
  options: CheckFlavorChangesOptions,
): Promise<ResizeVerdict[]> {
  return mapConcurrent(changes, CHECK_CONCURRENCY, (change) => checkOne(ecs, engine, change, options), options.signal);
}
