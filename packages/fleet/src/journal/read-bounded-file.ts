import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { JournalError } from './JournalError.js';

/** A file of the journal's that is read whole, and the most bytes it may hold. */
export interface BoundedFile {
  /** The journal the file belongs to. */
  readonly journalPath: string;
  /** The file: the journal itself or its lock file. */
  readonly path: string;
  /** What the file is, for messages: `journal`, `journal's lock file`. */
  readonly what: string;
  /** The most bytes it may hold; one more and it is refused. */
  readonly maxBytes: number;
}

/**
 * Opened without blocking, so that a FIFO with no writer is refused instead of waited on
 * (`O_NONBLOCK`; where the platform has none, `undefined | n` is `n`).
 */
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;

/** The bytes read at a time once a file has grown past the size `fstat` gave. */
const GROWTH_CHUNK_BYTES = 2 ** 16;

/** `bytes` as MiB or KiB for a message: `256 MiB`, `4 KiB`. */
const sizeText = (bytes: number) => (bytes >= 2 ** 20 ? `${bytes / 2 ** 20} MiB` : `${bytes / 2 ** 10} KiB`);

/**
 * The bytes of the open file `fd`, up to `maxBytes`: the `size` that `fstat` gave and one byte
 * more, then, if it grew meanwhile, a chunk at a time; undefined as soon as it holds more.
 */
function readUpTo(fd: number, size: number, maxBytes: number): Buffer | undefined {
  const parts: Buffer[] = [];
  let length = 0;
  let wanted = Math.min(size, maxBytes) + 1;
  for (;;) {
    const chunk = Buffer.alloc(wanted);
    const read = readSync(fd, chunk, 0, wanted, null);
    if (read === 0) return Buffer.concat(parts, length);
    parts.push(chunk.subarray(0, read));
    length += read;
    if (length > maxBytes) return undefined;
    wanted = Math.min(GROWTH_CHUNK_BYTES, maxBytes + 1 - length);
  }
}

/** The refusal of a file that cannot be opened or read, with the system's reason. */
const cannotRead = ({ journalPath, path, what }: BoundedFile, error: unknown) =>
  new JournalError(`Cannot read the ${what} ${path}: ${(error as Error).message}. Nothing was sent.`, {
    kind: 'io',
    journalPath,
    file: path,
    cause: error,
  });

/**
 * Reads a file of the journal's whole, bounded: it must be a regular file (not a directory, a
 * FIFO, or a device such as `/dev/zero`, which never end or block) of at most `maxBytes`, so
 * that a wrong path can neither hang the run nor fill its memory. Checked on the opened file
 * (`fstat`), so a file swapped for another between the check and the read is not read either.
 * @returns Its bytes, or undefined when it does not exist.
 * @throws {JournalError} `not-a-file`, `too-large`, or `io` (it cannot be opened or read).
 */
export function readBoundedFile(file: BoundedFile): Buffer | undefined {
  const { journalPath, path, what, maxBytes } = file;
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw cannotRead(file, error);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) {
      throw new JournalError(
        `The ${what} ${path} is not a regular file (it is a directory, a pipe or a device): give a file's path. Nothing was sent.`,
        { kind: 'not-a-file', journalPath, file: path },
      );
    }
    const bytes = stats.size > maxBytes ? undefined : readUpTo(fd, stats.size, maxBytes);
    if (bytes === undefined) {
      throw new JournalError(
        `The ${what} ${path} is larger than ${sizeText(maxBytes)}, more than this package writes to one: check the path. Nothing was sent.`,
        { kind: 'too-large', journalPath, file: path },
      );
    }
    return bytes;
  } catch (error) {
    throw error instanceof JournalError ? error : cannotRead(file, error);
  } finally {
    closeSync(fd);
  }
}
