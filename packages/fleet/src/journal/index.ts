/**
 * `@ecs-resize/fleet/journal`, Node only (`node:fs`): the file journal of `applyFleet`, one
 * JSON line per entry, flushed before each step, and locked so that one run at a time uses
 * it. The main entry stays isomorphic; what a journal's entries mean on a re-run is
 * `readFleetJournal`'s, there.
 * @packageDocumentation
 */
export { MAX_JOURNAL_BYTES, openJournal, type Journal } from './journal-file.js';
export { MAX_LOCK_BYTES, type LockHolder } from './journal-lock.js';
export { JournalError, type JournalErrorDetails, type JournalErrorKind } from './JournalError.js';
