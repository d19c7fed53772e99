import type { EcsConnection, Preflight } from '@ecs-resize/core';
import { parseInput } from '@ecs-resize/core/internal';
import * as v from 'valibot';
import type { FleetItem, FleetItemPlan, FleetJournalEntry, FleetPlan } from './fleet-types.js';
import { JournalEntriesSchema } from './journal-entry-schema.js';
import { readFleetJournal } from './journal-history.js';
import { planFleet, type PlanFleetOptions } from './plan-fleet.js';
import { serverIdOf } from './server-key.js';

/** A plan that resumes a journal: what was planned now, and what `applyFleet` takes. */
export interface ResumedFleetPlan {
  /** The plan of the items whose server the journal was sent no resize to: what to show. */
  fresh: FleetPlan;
  /**
   * Every item, in input order: `fresh`'s plans, and the items the journal resumes as `ready`
   * (`applyFleet` follows them from the journal, whatever a plan would say now). Its summary is
   * `fresh`'s.
   */
  plan: FleetPlan;
  /** How many items the journal resumes. */
  resumed: number;
}

/**
 * Plans a fleet for a re-run of `applyFleet` with the journal `previous`: the items whose
 * server the journal says was sent a resize (`readFleetJournal`) are not planned again (the
 * server may be mid-resize or resized, which the rules would block); they go to `applyFleet`
 * as they are, and it resumes them. The other items are planned by `planFleet`.
 * @throws {EcsInputError} Before any request, as `planFleet`, or when `previous` is not the
 * entries of a journal.
 */
export async function planFleetWithJournal(
  ecs: EcsConnection,
  engine: Preflight,
  items: readonly FleetItem[],
  previous: readonly FleetJournalEntry[],
  options?: PlanFleetOptions,
): Promise<ResumedFleetPlan> {
  parseInput('planFleetWithJournal', '', v.object({ previous: JournalEntriesSchema }), { previous });
  const history = readFleetJournal(previous);
  const isResumed = (item: unknown) => {
    const serverId = serverIdOf(item);
    return serverId !== undefined && history.sentTo(serverId) !== undefined;
  };
  const fresh = await planFleet(
    ecs,
    engine,
    items.filter((item) => !isResumed(item)),
    options,
  );
  const planned = fresh.items[Symbol.iterator]();
  const plans = items.map((item): FleetItemPlan => (isResumed(item) ? { item, status: 'ready' } : planned.next().value!));
  return { fresh, plan: { ...fresh, items: plans }, resumed: items.filter(isResumed).length };
}
