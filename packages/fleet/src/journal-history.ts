import type { FleetJournalEntry } from './fleet-types.js';
import { serverKey } from './server-key.js';

/**
 * A resize that a journal says was sent to a server, or may have been:
 * - `uncertain`: `sending` with no answer after it (lost, or the run stopped): maybe sent;
 * - `submitted`: accepted with a job id (in `entry.jobId`) whose end is not recorded;
 * - `succeeded` or `failed`: its job ended.
 */
export type SentResize =
  | {
      outcome: 'uncertain' | 'succeeded' | 'failed';
      /** The entry that says so (its `flavorRef` is the flavor sent). */
      entry: FleetJournalEntry;
    }
  | {
      outcome: 'submitted';
      /** The entry that says so (its `flavorRef` is the flavor sent). */
      entry: FleetJournalEntry;
      /** The job to wait for. */
      jobId: string;
    };

/** What the entries of earlier runs of `applyFleet` say was sent, server by server. */
export interface FleetJournalHistory {
  /**
   * The resize the journal says was sent to `serverId` (ids that differ only in case are one
   * server), or undefined when none was: never recorded, blocked, or refused by the API.
   */
  sentTo(serverId: string): SentResize | undefined;
}

/** Where one server stands while its entries are read in order. */
interface Reading {
  /** The last resize that was sent for sure, and how it stands. */
  settled?: SentResize | undefined;
  /** A `sending` not yet followed by its answer. */
  open?: FleetJournalEntry | undefined;
}

/** The next reading of a server after `entry`. */
function advance({ settled, open }: Reading, entry: FleetJournalEntry): Reading {
  switch (entry.state) {
    case 'sending':
      return { settled, open: entry };
    case 'submitted':
      // Written with the job id; one without it says the resize went, not which job to follow.
      return entry.jobId ? { settled: { outcome: 'submitted', entry, jobId: entry.jobId } } : { settled, open: entry };
    case 'succeeded':
    case 'failed':
      return { settled: { outcome: entry.state, entry } };
    case 'error':
      // Recorded after `sending` only when the API refused the resize: nothing happened.
      return { settled };
    case 'blocked':
      // Recorded before anything is sent; it never undoes a `sending`.
      return { settled, open };
  }
}

/**
 * Reads the journal of earlier runs of `applyFleet`: the resume protocol in one place. For
 * each server the entries are read in order; what was sent, or may have been, stays sent: a
 * later `blocked` or `error` never makes a server look untouched, except an `error` right
 * after `sending` (the API refused it, so nothing happened). A resize the history says was
 * sent is never sent again by `applyFleet`.
 */
export function readFleetJournal(previous: readonly FleetJournalEntry[]): FleetJournalHistory {
  const readings = new Map<string, Reading>();
  for (const entry of previous) {
    const key = serverKey(entry.serverId);
    readings.set(key, advance(readings.get(key) ?? {}, entry));
  }
  return {
    sentTo(serverId) {
      const reading = readings.get(serverKey(serverId));
      if (reading?.open) return { outcome: 'uncertain', entry: reading.open };
      return reading?.settled;
    },
  };
}
