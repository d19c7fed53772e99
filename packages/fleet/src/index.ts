// The public API of @ecs-resize/fleet, name by name. Isomorphic: the file journal and its
// lock, which need node:fs, are `@ecs-resize/fleet/journal`.

// Planning: the facts of every item from shared look-ups, checked by the preflight.
export { planFleet, type PlanFleetOptions } from './plan-fleet.js';
export { findDuplicateServers, type DuplicateServer } from './duplicate-servers.js';

// Applying: each ready item checked again, sent once, and followed; every step journaled.
export { applyFleet, type ApplyFleetOptions, type FleetApplyResult } from './apply-fleet.js';

// Resuming: what a journal says was sent, and the plan of a re-run.
export { readFleetJournal, type FleetJournalHistory, type SentResize } from './journal-history.js';
export { planFleetWithJournal, type ResumedFleetPlan } from './plan-with-journal.js';

export type { FleetItem, FleetItemPlan, FleetJournalEntry, FleetJournalState, FleetPlan } from './fleet-types.js';
