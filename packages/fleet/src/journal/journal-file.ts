import { redactSecrets } from '@ecs-resize/core';
import { appendFileSync, closeSync, fsyncSync, ftruncateSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import type { FleetJournalEntry } from '../fleet-types.js';
import { JournalError } from './JournalError.js';
import { lockJournal, type LockHolder } from './journal-lock.js';
import { readBoundedFile } from './read-bounded-file.js';

/**
 * The most bytes a journal may hold: 256 MiB. A resize that succeeds writes three lines of
 * about 160 bytes (`sending`, `submitted` with its job id, `succeeded`), one with an API error
 * about 400: a 100,000-item fleet's journal is about 48 MB, and this leaves room for re-runs
 * and long error texts (2.6 KB an item). A larger file is no journal of this package's (a
 * wrong path): refused before a byte is read, and before anything is sent.
 */
export const MAX_JOURNAL_BYTES = 256 * 2 ** 20;

/** An open journal, locked for this process: what earlier runs recorded, and a way to record more. */
export interface Journal {
  /** Its path. */
  readonly path: string;
  /** The entries of earlier runs, in order (a line torn by a crash is left out). */
  readonly previous: readonly FleetJournalEntry[];
  /** Whether the last line of an earlier run was torn by a crash (and was cut off the file). */
  readonly tornLine: boolean;
  /** The holder of a stale lock (its process was gone) that opening the journal took over, if any. */
  readonly takenOverFrom: LockHolder | undefined;
  /** Appends one entry as a JSON line, every secret in it masked, and flushes it to disk before returning. */
  record(entry: FleetJournalEntry): void;
  /** Releases the journal's lock (`lockJournal`); call it on every way out. */
  close(): void;
}

/** Whether a parsed line has the fields every entry has (`applyFleet` checks the rest). */
function isEntry(value: unknown): value is FleetJournalEntry {
  const entry = value as Partial<FleetJournalEntry> | null;
  return (
    typeof entry === 'object' &&
    entry !== null &&
    typeof entry.serverId === 'string' &&
    typeof entry.flavorRef === 'string' &&
    typeof entry.state === 'string'
  );
}

/** The entries of a journal's text; only its last line may be torn (cut by a crash). */
function parseEntries(text: string, path: string): { entries: FleetJournalEntry[]; tornLine: boolean } {
  const lines = text.split('\n');
  const entries: FleetJournalEntry[] = [];
  let tornLine = false;
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    let entry: unknown;
    try {
      entry = JSON.parse(line);
    } catch (error) {
      if (index !== lines.length - 1) {
        throw new JournalError(`Journal ${path} line ${index + 1} is not JSON: fix or remove it.`, {
          kind: 'bad-line',
          journalPath: path,
          file: path,
          cause: error,
        });
      }
      tornLine = true;
      return;
    }
    if (!isEntry(entry)) {
      throw new JournalError(`Journal ${path} line ${index + 1} is not a journal entry: fix or remove it.`, {
        kind: 'bad-line',
        journalPath: path,
        file: path,
      });
    }
    entries.push(entry);
  });
  return { entries, tornLine };
}

/** Runs `use` on a file descriptor of `path` opened with `flags`, then flushes and closes it. */
function withSyncedFile(path: string, flags: string, use: (fd: number) => void): void {
  const fd = openSync(path, flags);
  try {
    use(fd);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Locks (`lockJournal`: one run at a time) and opens (or creates) a JSON-lines journal: one
 * `FleetJournalEntry` per line. It is read only once locked. Each entry is
 * appended (`appendFileSync`) and flushed (`fsync`) before `record` returns, so that a crash
 * loses nothing recorded; the file is opened for each entry, so that an entry recorded late
 * (a resize answered after Ctrl-C) still lands. A last line torn by a crash (never a whole
 * record) is cut off the file, so that the next entry starts on a line of its own.
 * The journal is output too: each line is masked with `secrets` (a job id or an error text
 * from the API may echo one). Node only (`node:fs`).
 * @param secrets The values to mask in every line (credentials).
 * @throws {JournalError} When another run holds the lock, the journal or its lock is not a
 * regular file or is too large ({@link MAX_JOURNAL_BYTES}; `/dev/zero` and a FIFO are refused,
 * not read), or a line other than the last is not a journal entry.
 */
export function openJournal(path: string, secrets: readonly string[] = []): Journal {
  const lock = lockJournal(path);
  try {
    return readLockedJournal(path, lock.takenOverFrom, () => lock.release(), secrets);
  } catch (error) {
    lock.release();
    throw error;
  }
}

/** `openJournal` once the lock is held. */
function readLockedJournal(
  path: string,
  takenOverFrom: LockHolder | undefined,
  close: () => void,
  secrets: readonly string[],
): Journal {
  const text = readBoundedFile({ journalPath: path, path, what: 'journal', maxBytes: MAX_JOURNAL_BYTES })?.toString('utf8');
  const { entries, tornLine } = text === undefined ? { entries: [], tornLine: false } : parseEntries(text, path);
  if (text !== undefined && text !== '' && !text.endsWith('\n')) {
    // A torn last line is cut off; a whole last record only lacks its newline, which is added.
    if (tornLine)
      withSyncedFile(path, 'r+', (fd) => ftruncateSync(fd, Buffer.byteLength(text.slice(0, text.lastIndexOf('\n') + 1))));
    else withSyncedFile(path, 'a', (fd) => appendFileSync(fd, '\n'));
  }
  let created = text !== undefined;
  return {
    path,
    previous: entries,
    tornLine,
    takenOverFrom,
    close,
    record(entry) {
      withSyncedFile(path, 'a', (fd) => appendFileSync(fd, `${redactSecrets(JSON.stringify(entry), secrets)}\n`));
      // A new file's name is in its directory: flush that too.
      if (!created) withSyncedFile(dirname(path), 'r', () => undefined);
      created = true;
    },
  };
}
