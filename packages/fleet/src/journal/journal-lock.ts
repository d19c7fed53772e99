import { closeSync, fsyncSync, openSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { JournalError } from './JournalError.js';
import { readBoundedFile } from './read-bounded-file.js';

/** Who holds a journal's lock: the lock file's content. */
export interface LockHolder {
  /** The holder's process id. */
  readonly pid: number;
  /** The host it runs on. */
  readonly host: string;
  /** When it took the lock (ISO 8601). */
  readonly startedAt: string;
}

/** A journal's lock, held by this process until `release`. */
export interface JournalLock {
  /** The lock file: the journal's path with `.lock` added. */
  readonly path: string;
  /** The holder of a stale lock that this one replaced (its process was gone), if any. */
  readonly takenOverFrom: LockHolder | undefined;
  /** Removes the lock file, if it is still this process's; at most once. Also runs on `process.exit`. */
  release(): void;
}

/** How many times a lock that disappears while being read is tried again. */
const ATTEMPTS = 3;

/** Creates `path` with `text` unless it exists (O_EXCL), flushed; false when it exists. */
function createExclusive(journalPath: string, path: string, text: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new JournalError(`Cannot create the lock file ${path}: ${(error as Error).message}`, {
      kind: 'io',
      journalPath,
      file: path,
      cause: error,
    });
  }
  try {
    writeFileSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return true;
}

/**
 * The most bytes a lock file may hold: `{ pid, host, startedAt }` is under 400 (a host name
 * has at most 255 characters); a larger file is not a lock, and is not read further.
 */
export const MAX_LOCK_BYTES = 4 * 2 ** 10;

/**
 * The text of the lock file `path`, or undefined when it does not exist.
 * @throws {JournalError} When it is not a regular file, is larger than {@link MAX_LOCK_BYTES},
 * or cannot be read.
 */
function readIfThere(journalPath: string, path: string): string | undefined {
  return readBoundedFile({ journalPath, path, what: "journal's lock file", maxBytes: MAX_LOCK_BYTES })?.toString('utf8');
}

/** The holder a lock file names, or undefined when it is not a lock file's content. */
function parseHolder(text: string): LockHolder | undefined {
  try {
    const { pid, host, startedAt } = JSON.parse(text) as Record<string, unknown>;
    if (
      typeof pid === 'number' &&
      Number.isSafeInteger(pid) &&
      pid > 0 &&
      typeof host === 'string' &&
      typeof startedAt === 'string'
    )
      return { pid, host, startedAt };
  } catch {
    // Not JSON: a lock file being written, or something else.
  }
  return undefined;
}

/** Whether process `pid` of this host runs (one of another user's counts: `EPERM`). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/**
 * Takes over the stale lock whose content is `stale`: under a second lock (`<lock>.takeover`,
 * O_EXCL), so that of two runs finding it stale only one replaces it, and only while it still
 * holds `stale`.
 */
function takeOver(journalPath: string, path: string, stale: string, mine: string): boolean {
  const takeover = `${path}.takeover`;
  if (!createExclusive(journalPath, takeover, mine)) {
    throw new JournalError(
      `Another run is taking over the stale lock ${path}: if none does, remove ${takeover} (it is left only by a run that crashed while taking over).`,
      { kind: 'takeover-in-progress', journalPath, file: takeover },
    );
  }
  try {
    if (readIfThere(journalPath, path) !== stale) return false;
    unlinkSync(path);
    return createExclusive(journalPath, path, mine);
  } finally {
    unlinkSync(takeover);
  }
}

/**
 * Locks the journal at `journalPath` for this process: creates `<journal>.lock` with O_EXCL,
 * holding `{ pid, host, startedAt }`, so that two runs on one journal cannot both send a
 * resize. A lock of a process of this host that no longer runs is stale and taken over (the
 * caller tells the operator, from `takenOverFrom`); a lock of a running process, of another
 * host, or unreadable, refuses. Node only (`node:fs`).
 * @throws {JournalError} When another run holds the lock (`holder` names it), the lock file is
 * not a lock, or it cannot be written.
 */
export function lockJournal(journalPath: string): JournalLock {
  const path = `${journalPath}.lock`;
  const host = hostname();
  const mine = JSON.stringify({ pid: process.pid, host, startedAt: new Date().toISOString() } satisfies LockHolder);
  for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
    if (createExclusive(journalPath, path, mine)) return held(journalPath, path, mine, undefined);
    const text = readIfThere(journalPath, path);
    if (text === undefined) continue; // Released meanwhile: try again.
    const holder = parseHolder(text);
    if (holder === undefined) {
      throw new JournalError(`The journal's lock file ${path} is not a lock (unreadable): if no other run uses it, remove it.`, {
        kind: 'lock-unreadable',
        journalPath,
        file: path,
      });
    }
    if (holder.host !== host || isAlive(holder.pid)) {
      const { pid, startedAt } = holder;
      throw new JournalError(
        `The journal ${journalPath} is in use by another run: process ${pid}@${JSON.stringify(holder.host)}, ` +
          `since ${JSON.stringify(startedAt)} (lock file ${path}). Wait for it to end; if no other run uses it, remove the lock file.`,
        { kind: 'locked', journalPath, file: path, holder },
      );
    }
    if (takeOver(journalPath, path, text, mine)) return held(journalPath, path, mine, holder);
  }
  throw new JournalError(`The journal's lock file ${path} keeps changing: another run is starting. Try again.`, {
    kind: 'lock-changing',
    journalPath,
    file: path,
  });
}

/** A lock held with the content `mine`, released on `release()` or when the process exits. */
function held(journalPath: string, path: string, mine: string, takenOverFrom: LockHolder | undefined): JournalLock {
  const release = () => {
    process.off('exit', release);
    // Another run's lock (taken over by hand) is not this one's to remove.
    if (readIfThere(journalPath, path) === mine) unlinkSync(path);
  };
  process.on('exit', release);
  return { path, takenOverFrom, release };
}
