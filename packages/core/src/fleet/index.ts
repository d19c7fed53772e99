export { planFleet, type PlanFleetOptions } from './plan-fleet.js';
export { applyFleet, type ApplyFleetOptions, type FleetApplyResult } from './apply-fleet.js';
export { findDuplicateServers, type DuplicateServer } from './duplicate-servers.js';
export { readFleetJournal, type FleetJournalHistory, type SentResize } from './journal-history.js';
export type { FleetItem, FleetItemPlan, FleetJournalEntry, FleetJournalState, FleetPlan } from './fleet-types.js';
