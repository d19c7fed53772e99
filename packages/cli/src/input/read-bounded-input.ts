import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CliIo } from '../cli-io.js';
import { UsageError } from '../errors/UsageError.js';

/** The source that names the standard input: `--facts -`, `fleet plan -`. */
export const STDIN_SOURCE = '-';

/** The bytes read from a file at a time. */
const READ_CHUNK_BYTES = 2 ** 20;

/** A file (or the standard input) the CLI reads, and the most bytes it takes of it. */
export interface BoundedInput {
  /** A path (relative to the working directory), or {@link STDIN_SOURCE}. */
  readonly source: string;
  /** What the input is, for messages: `the plan`, `the fleet file`. */
  readonly what: string;
  /** The flag that named it, for messages: `--terraform`; absent for an argument. */
  readonly flag?: string | undefined;
  /** The most bytes read; one more and the input is refused. */
  readonly maxBytes: number;
}

/** `bytes` as MiB for a message: `64 MiB`. */
const mebibytes = (bytes: number) => `${Number((bytes / 2 ** 20).toFixed(2))} MiB`;

/** How the input is named in messages: `--terraform plan.json`, `--facts - (stdin)`, `fleet.csv`. */
export function nameOfInput({ source, flag }: Pick<BoundedInput, 'source' | 'flag'>): string {
  const name = source === STDIN_SOURCE ? `${STDIN_SOURCE} (stdin)` : source;
  return flag === undefined ? name : `${flag} ${name}`;
}

/** The refusal of an input longer than its cap. */
const tooLarge = (input: BoundedInput) =>
  new UsageError(`${nameOfInput(input)}: ${input.what} is larger than ${mebibytes(input.maxBytes)}; nothing was checked.`);

/** The refusal of an input that cannot be read, with the system's reason. */
const cannotRead = (input: BoundedInput, error: unknown) =>
  new UsageError(`${nameOfInput(input)}: cannot read ${input.what}: ${(error as Error).message}`, { cause: error });

/**
 * The bytes of `chunks`, up to `maxBytes`: reading stops (and the stream is closed, by
 * leaving the loop) as soon as one byte more arrives, so a file that never ends (a pipe fed
 * forever, `/dev/zero`) is refused after the cap, not read without end.
 * @throws {UsageError} When the input is longer than `maxBytes`.
 */
async function readCapped(chunks: AsyncIterable<Uint8Array | string>, input: BoundedInput): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of chunks) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    length += bytes.length;
    if (length > input.maxBytes) throw tooLarge(input);
    parts.push(bytes);
  }
  return Buffer.concat(parts);
}

/** The chunks of the source: the standard input, or the file (an empty name is refused, not read as the directory). */
function chunksOf(input: BoundedInput, io: Pick<CliIo, 'stdin' | 'cwd'>): AsyncIterable<Uint8Array | string> {
  if (input.source === '')
    throw new UsageError(
      `The name of ${input.what} is empty${input.flag === undefined ? '' : ` (${input.flag} '')`}: ` +
        'give a file name, or - for the standard input. Nothing was read.',
    );
  if (input.source !== STDIN_SOURCE) return createReadStream(resolve(io.cwd, input.source), { highWaterMark: READ_CHUNK_BYTES });
  if (io.stdin === undefined) throw new UsageError(`${nameOfInput(input)}: there is no standard input to read.`);
  return io.stdin;
}

/**
 * Reads a file or the standard input whole, bounded: at most `maxBytes`, so `/dev/zero`, a
 * pipe fed forever or a huge file ends at the cap, in a usage error, and never fills memory.
 * This is the one reader of every file the CLI is given.
 * @throws {UsageError} When the input cannot be read (missing, a directory, no stdin) or is
 * larger than `maxBytes`. The message names the input, never its content.
 */
export async function readBoundedBytes(input: BoundedInput, io: Pick<CliIo, 'stdin' | 'cwd'>): Promise<Uint8Array> {
  try {
    return await readCapped(chunksOf(input, io), input);
  } catch (error) {
    throw error instanceof UsageError ? error : cannotRead(input, error);
  }
}

/**
 * Checks, before another reader loads it (Node's module loader, for a `.mjs` config), that a
 * file is bounded as {@link readBoundedBytes} would have it: a regular file (not a pipe, a
 * device such as `/dev/zero`, or a directory) of at most `maxBytes`.
 * @throws {UsageError} When it is not, or cannot be looked at.
 */
export async function checkBoundedFile(input: BoundedInput, io: Pick<CliIo, 'cwd'>): Promise<void> {
  const file = await stat(resolve(io.cwd, input.source)).catch((error: unknown) => {
    throw cannotRead(input, error);
  });
  if (!file.isFile())
    throw new UsageError(`${nameOfInput(input)}: cannot read ${input.what}: it is not a regular file; nothing was checked.`);
  if (file.size > input.maxBytes) throw tooLarge(input);
}

/**
 * `bytes` as UTF-8 text, a byte-order mark dropped.
 * @throws {TypeError} When they are not UTF-8.
 */
export const utf8Text = (bytes: Uint8Array): string => new TextDecoder('utf-8', { fatal: true }).decode(bytes);

/**
 * {@link readBoundedBytes}, as UTF-8 text (a byte-order mark dropped).
 * @throws {UsageError} As {@link readBoundedBytes} does, and when the input is not UTF-8.
 */
export async function readBoundedText(input: BoundedInput, io: Pick<CliIo, 'stdin' | 'cwd'>): Promise<string> {
  const bytes = await readBoundedBytes(input, io);
  try {
    return utf8Text(bytes);
  } catch (error) {
    throw new UsageError(`${nameOfInput(input)}: ${input.what} is not UTF-8 text; nothing was checked.`, { cause: error });
  }
}
