import {
  check,
  EcsInputError,
  isEcsError,
  JobFailedError,
  MAX_TIMEOUT,
  messageOf,
  PreflightError,
  resize,
  waitForJob,
  type EcsConnection,
  type Preflight,
} from '@ecs-resize/core';
import { mapConcurrent, parseInput, PreflightSchema, SignalSchema, wholeNumber } from '@ecs-resize/core/internal';
import * as v from 'valibot';
import { ConnectionSchema } from './connection-schema.js';
import { refuseDuplicateServers } from './duplicate-servers.js';
import type { FleetItem, FleetJournalEntry, FleetJournalState, FleetPlan } from './fleet-types.js';
import { JournalEntriesSchema } from './journal-entry-schema.js';
import { readFleetJournal, type FleetJournalHistory } from './journal-history.js';
import { serverIdOf } from './server-key.js';

/** Options of `applyFleet`. */
export interface ApplyFleetOptions {
  /**
   * Called with every state change of an item, before the next step: append it to a journal
   * (and flush it) so that a crash loses nothing.
   */
  record: (entry: FleetJournalEntry) => void | Promise<void>;
  /**
   * The journal of earlier runs: a server it says was sent a resize is never sent another
   * (succeeded: skipped; submitted: its job waited for again; failed or uncertain: reported).
   */
  previous?: readonly FleetJournalEntry[] | undefined;
  /** Items in progress at once (resize sent, job waited for). @default 4 */
  concurrency?: number | undefined;
  /** How to wait for each job. @default waitForJob's */
  waitOptions?: { interval?: number | undefined; maxInterval?: number | undefined; timeout?: number | undefined } | undefined;
  /** Called with every entry, as `record`. */
  onProgress?: ((entry: FleetJournalEntry) => void) | undefined;
  /** Stops sending new resizes and waiting; what is in flight stays `sending` or `submitted`. */
  signal?: AbortSignal | undefined;
}

/** What `applyFleet` did: the last entry of every item it handled, and the counts. */
export interface FleetApplyResult {
  entries: FleetJournalEntry[];
  /**
   * `skipped`: succeeded in an earlier run; `uncertain`: sent with no clear answer (check those
   * servers); `pending`: submitted, but the wait ended first (a re-run waits again).
   */
  summary: {
    succeeded: number;
    failed: number;
    blocked: number;
    errors: number;
    uncertain: number;
    skipped: number;
    pending: number;
  };
}

const Milliseconds = v.optional(wholeNumber(1, MAX_TIMEOUT));

const InputSchema = v.object({
  ecs: ConnectionSchema,
  engine: PreflightSchema,
  plan: v.custom<FleetPlan>((value) => Array.isArray((value as FleetPlan | undefined)?.items), 'must be a plan from planFleet'),
  options: v.strictObject(
    {
      record: v.function('must be a function that stores each entry'),
      previous: v.optional(JournalEntriesSchema),
      concurrency: v.optional(wholeNumber(1, 64), 4),
      waitOptions: v.optional(v.strictObject({ interval: Milliseconds, maxInterval: Milliseconds, timeout: Milliseconds }), {}),
      onProgress: v.optional(v.function('must be a function')),
      signal: v.optional(SignalSchema),
    },
    'must be { record, previous?, concurrency?, waitOptions?, onProgress?, signal? }: check the option names',
  ),
});

/**
 * Throws an `EcsInputError` when an item of the plan names a server that the journal says was
 * sent a resize to another flavor: a journal resizes each server once, so the plan and the
 * journal disagree on what to do (nothing is sent).
 */
function refuseJournalConflicts(items: FleetPlan['items'], history: FleetJournalHistory): void {
  const issues = items.flatMap(({ item }, index) => {
    const serverId = serverIdOf(item);
    const sent = serverId === undefined ? undefined : history.sentTo(serverId);
    if (sent === undefined || sent.entry.flavorRef === item.flavorRef) return [];
    return [
      {
        path: `plan.items.${index}.flavorRef`,
        message:
          `server ${serverId} was sent a resize to ${sent.entry.flavorRef} by an earlier run (${sent.outcome}): ` +
          'a journal resizes each server once; resize it again with a new journal',
      },
    ];
  });
  if (issues.length > 0) throw new EcsInputError('applyFleet', issues);
}

/**
 * Resizes the ready items of a plan, `concurrency` at a time: each is checked again with the
 * engine (the facts may have changed since the plan), sent once (`sending` is recorded only
 * once the check passed), and its job waited for.
 * Every state change is passed to `record` first, so that a re-run with the journal as
 * `previous` resumes (`readFleetJournal`): a server the journal says was sent a resize is
 * never sent another. It skips what succeeded, waits again for jobs already submitted,
 * reports failed jobs again, and never re-sends a resize whose answer was lost (`sending`,
 * counted as uncertain: check those servers by hand). Blocked and error items of the plan are
 * not touched.
 * @param ecs A connection (`createEcsConnection`), or a client (`createEcsClient`).
 * @param engine The preflight: anything with a `check(facts)` method, e.g. `createRuleEngine()`
 *   from `@ecs-resize/rules`.
 * @throws {EcsInputError} Before anything is sent, when the plan names a server twice, or a
 * server that the journal says was sent a resize to another flavor.
 */
export async function applyFleet(
  ecs: EcsConnection,
  engine: Preflight,
  plan: FleetPlan,
  options: ApplyFleetOptions,
): Promise<FleetApplyResult> {
  const input = parseInput('applyFleet', '', InputSchema, { ecs, engine, plan, options });
  const { record, previous, concurrency, waitOptions, onProgress, signal } = input.options;
  refuseDuplicateServers(
    'applyFleet',
    'plan.items',
    plan.items.map((planned) => planned.item),
  );
  const history = readFleetJournal(previous ?? []);
  refuseJournalConflicts(plan.items, history);
  const summary = { succeeded: 0, failed: 0, blocked: 0, errors: 0, uncertain: 0, skipped: 0, pending: 0 };
  // The ready items, and those an earlier run sent whatever the plan says now (a server being
  // resized, or resized, no longer plans as ready).
  const items = plan.items
    .filter(({ item, status }) => {
      const serverId = serverIdOf(item);
      return status === 'ready' || (serverId !== undefined && history.sentTo(serverId) !== undefined);
    })
    .map((planned) => planned.item);

  const note = async (
    item: FleetItem,
    state: FleetJournalState,
    extra: Partial<FleetJournalEntry> = {},
  ): Promise<FleetJournalEntry> => {
    const entry: FleetJournalEntry = {
      serverId: item.serverId,
      flavorRef: item.flavorRef,
      state,
      ...extra,
      at: new Date().toISOString(),
    };
    await record(entry);
    onProgress?.(entry);
    return entry;
  };

  /**
   * Waits for a submitted job and records how it ended. A wait that ends without an outcome
   * (its timeout, the job unreadable) leaves the item `submitted`, for a re-run to wait again.
   */
  const finish = async (item: FleetItem, jobId: string, entry: FleetJournalEntry): Promise<FleetJournalEntry> => {
    try {
      await waitForJob(ecs, jobId, { ...waitOptions, signal });
    } catch (error) {
      signal?.throwIfAborted();
      if (error instanceof JobFailedError) {
        summary.failed += 1;
        return note(item, 'failed', { jobId, error: messageOf(error) });
      }
      summary.pending += 1;
      return { ...entry, error: `still running or unknown: ${messageOf(error)}` };
    }
    summary.succeeded += 1;
    return note(item, 'succeeded', { jobId });
  };

  /**
   * Checks one item again, sends its resize once (with the item's `mode`, `autoPay` and
   * `dedicatedHostId`), and follows it to its end.
   */
  const send = async (item: FleetItem): Promise<FleetJournalEntry> => {
    // What the resize carries, and so what its check sees (check and resize validate it).
    const { mode, autoPay, dedicatedHostId } = item;
    const options = { mode, autoPay, dedicatedHostId, signal };
    let report;
    try {
      ({ report } = await check(ecs, item.serverId, item.flavorRef, {
        ...options,
        confirmations: item.confirmations,
        preflight: engine,
      }));
    } catch (error) {
      signal?.throwIfAborted();
      summary.errors += 1;
      return note(item, 'error', { error: messageOf(error) });
    }
    if (!report.ok) {
      summary.blocked += 1;
      return note(item, 'blocked', { error: new PreflightError(item.serverId, item.flavorRef, report).message });
    }
    await note(item, 'sending');
    try {
      const { jobId, orderId } = await resize(ecs, item.serverId, item.flavorRef, options);
      if (jobId === undefined) {
        summary.succeeded += 1;
        return await note(item, 'succeeded', { orderId });
      }
      const submitted = await note(item, 'submitted', { jobId, ...(orderId ? { orderId } : {}) });
      return await finish(item, jobId, submitted);
    } catch (error) {
      if (signal?.aborted || !isEcsError(error) || error.mayHaveTakenEffect) {
        summary.uncertain += 1;
        return note(item, 'sending', { error: `uncertain: ${messageOf(error)}` });
      }
      summary.errors += 1;
      return note(item, 'error', { error: messageOf(error) });
    }
  };

  const entries = await mapConcurrent(
    items,
    concurrency,
    async (item) => {
      const sent = history.sentTo(item.serverId);
      switch (sent?.outcome) {
        case undefined:
          return send(item);
        case 'submitted':
          return finish(item, sent.jobId, sent.entry);
        case 'succeeded':
          summary.skipped += 1;
          return sent.entry;
        case 'failed':
          summary.failed += 1;
          return sent.entry;
        case 'uncertain':
          summary.uncertain += 1;
          return sent.entry;
      }
    },
    signal,
  );
  return { entries, summary };
}
