import * as v from 'valibot';

/** The entries of earlier runs' journals, as `applyFleet` and `planFleetWithJournal` take them. */
export const JournalEntriesSchema = v.array(
  v.object({
    serverId: v.string(),
    flavorRef: v.string(),
    state: v.picklist(['sending', 'submitted', 'succeeded', 'failed', 'blocked', 'error']),
    jobId: v.optional(v.string()),
    orderId: v.optional(v.string()),
    error: v.optional(v.string()),
    at: v.string(),
  }),
  'must be the entries of earlier runs',
);
