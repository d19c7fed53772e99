import { check, type Confirmations, type EcsConnection } from '@ecs-resize/core';
import { mapConcurrent } from '@ecs-resize/core/internal';
import type { Finding, RuleEngine } from '@ecs-resize/rules';
import { exitCodeOf } from '../errors/exit-code-of.js';
import { errorToJson, type ErrorJson } from '../output/format-error.js';
import { failsEveryResize } from './fails-every-resize.js';
import type { FlavorChange } from './find-flavor-changes.js';
import { releaseInOrder } from './release-in-order.js';
import { watchForSilentEndpoint } from './silent-endpoint.js';

/** The servers checked at once: each check is a handful of reads. */
export const CHECK_CONCURRENCY = 8;

/**
 * The verdict on one resize of a plan: only what the output shows, so that a plan of many
 * thousand servers keeps its output, not the facts and errors it was made from.
 */
export type ResizeVerdict =
  | { readonly change: FlavorChange; readonly verdict: 'ok' | 'blocked'; readonly findings: readonly Finding[] }
  /** The server could not be checked (the API failed, or refused the input): the error as the output shows it. */
  | { readonly change: FlavorChange; readonly verdict: 'error'; readonly error: ErrorJson };

/** Why a run stopped before checking every resize. */
export interface PlanCheckStop {
  /** The failure every resize would meet (the first one seen), as the output shows it. */
  readonly reason: ErrorJson;
  /** How many resizes have no verdict. */
  readonly unchecked: number;
}

/** The checks of a plan's resizes. */
export interface PlanChecks {
  /** The verdicts, in plan order: every resize's, unless the run stopped. */
  readonly verdicts: readonly ResizeVerdict[];
  /** Set when a failure that every resize would meet stopped the run. */
  readonly stopped?: PlanCheckStop;
}

/** What every check of a plan shares. */
export interface CheckFlavorChangesOptions {
  /** What the operator attests (`--confirm`), for every resize. */
  readonly confirmations: Confirmations;
  readonly signal: AbortSignal;
  /** Called with each verdict as soon as it and every one before it are known, in plan order. */
  readonly onVerdict?: ((verdict: ResizeVerdict) => void) | undefined;
}

/**
 * Checks every resize of a plan against the live API, each as the provider will send it
 * (`FlavorChange.request`), {@link CHECK_CONCURRENCY} at a time. A failure of one server is its
 * verdict; a failure every server would meet (`failsEveryResize`: unreachable endpoint,
 * refused credentials, not the ECS API) stops the run: no check starts after it, the ones under
 * way end, and those that fail so have no verdict. An endpoint that never answers stops it too
 * (`watchForSilentEndpoint`: the first batch all timed out), each timeout keeping its verdict.
 * @throws The signal's reason when the run is stopped (Ctrl-C); nothing else.
 */
export async function checkFlavorChanges(
  ecs: EcsConnection,
  engine: RuleEngine,
  changes: readonly FlavorChange[],
  { onVerdict, ...options }: CheckFlavorChangesOptions,
): Promise<PlanChecks> {
  let stop: ErrorJson | undefined;
  const silence = watchForSilentEndpoint(CHECK_CONCURRENCY);
  const release = releaseInOrder<ResizeVerdict | undefined>((verdict) => {
    if (verdict !== undefined) onVerdict?.(verdict);
  });

  const checkOne = async (change: FlavorChange): Promise<ResizeVerdict | undefined> => {
    if (stop !== undefined) return undefined;
    try {
      const { report } = await check(ecs, change.serverId, change.to, { ...change.request, ...options, preflight: engine });
      silence.ended();
      return { change, verdict: report.ok ? 'ok' : 'blocked', findings: report.findings };
    } catch (error) {
      options.signal.throwIfAborted();
      const shown = errorToJson(error, exitCodeOf(error));
      if (failsEveryResize(error)) {
        stop ??= shown;
        return undefined;
      }
      if (silence.ended(error)) stop ??= shown;
      return { change, verdict: 'error', error: shown };
    }
  };

  const results = await mapConcurrent(
    changes,
    CHECK_CONCURRENCY,
    async (change, index) => {
      const verdict = await checkOne(change);
      release(index, verdict);
      return verdict;
    },
    options.signal,
  );
  const verdicts = results.filter((verdict) => verdict !== undefined);
  const unchecked = changes.length - verdicts.length;
  // A stop that left nothing unchecked (the last checks timed out) changed nothing: no `stopped`.
  return stop === undefined || unchecked === 0 ? { verdicts } : { verdicts, stopped: { reason: stop, unchecked } };
}
