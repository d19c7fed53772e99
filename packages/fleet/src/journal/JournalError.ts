import type { LockHolder } from './journal-lock.js';

/**
 * What is wrong with a journal or its lock:
 * - `locked`: another run holds the lock (`holder` says which);
 * - `lock-unreadable`: the lock file holds no lock (`file` is the lock file);
 * - `takeover-in-progress`: another run is taking over a stale lock (`file` is its takeover file);
 * - `lock-changing`: the lock file kept changing while it was read;
 * - `bad-line`: a line other than the last is not a journal entry;
 * - `not-a-file`: the journal or its lock file is not a regular file (a directory, a FIFO, a
 *   device such as `/dev/zero`);
 * - `too-large`: the journal or its lock file is larger than this package ever writes
 *   (`MAX_JOURNAL_BYTES`, `MAX_LOCK_BYTES`);
 * - `io`: a file could not be read or written.
 */
export type JournalErrorKind =
  'locked' | 'lock-unreadable' | 'takeover-in-progress' | 'lock-changing' | 'bad-line' | 'not-a-file' | 'too-large' | 'io';

/** Where a {@link JournalError} happened, and who holds the lock when another run does. */
export interface JournalErrorDetails {
  /** What is wrong. */
  kind: JournalErrorKind;
  /** The journal. */
  journalPath: string;
  /** The file to look at (the journal, its lock file, or the lock's takeover file). */
  file: string;
  /** The run that holds the lock (`locked`). */
  holder?: LockHolder | undefined;
  /** The underlying error, when there is one. */
  cause?: unknown;
}

/**
 * A fleet journal cannot be used: another run holds its lock, the lock or a line of the
 * journal is not what this package writes, a file is not a regular file or is too large, or a
 * file cannot be read or written. Nothing was
 * sent. Strings read from the lock file (the host) are JSON-quoted in the message, so that a
 * hostile lock file cannot write to a terminal.
 */
export class JournalError extends Error {
  override name = 'JournalError';
  /** What is wrong. */
  readonly kind: JournalErrorKind;
  /** The journal. */
  readonly journalPath: string;
  /** The file to look at (the journal, its lock file, or the lock's takeover file). */
  readonly file: string;
  /** The run that holds the lock (`locked`). */
  readonly holder: LockHolder | undefined;

  /**
   * @param message What is wrong and what to do.
   * @param details Where, and the cause.
   */
  constructor(message: string, { kind, journalPath, file, holder, cause }: JournalErrorDetails) {
    super(message, cause === undefined ? undefined : { cause });
    this.kind = kind;
    this.journalPath = journalPath;
    this.file = file;
    this.holder = holder;
  }
}
