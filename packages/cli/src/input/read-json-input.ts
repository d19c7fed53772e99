import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import type { CliIo } from '../cli-io.js';
import { UsageError } from '../errors/UsageError.js';

/** The source that names the standard input: `--facts -`. */
export const STDIN_SOURCE = '-';

/** The deepest nesting of arrays and objects accepted: far more than a plan or facts need. */
export const MAX_JSON_DEPTH = 128;

/** The bytes read from a file at a time. */
const READ_CHUNK_BYTES = 2 ** 20;

/** What {@link readJsonInput} reads. */
export interface JsonInput {
  /** A path (relative to the working directory), or {@link STDIN_SOURCE}. */
  readonly source: string;
  /** What the input is, for messages: `the plan`, `the facts`. */
  readonly what: string;
  /** The flag that named it, for messages: `--terraform`. */
  readonly flag: string;
  /** The most bytes read; one more and the input is refused. */
  readonly maxBytes: number;
}

/** `bytes` as MiB for a message: `64 MiB`. */
const mebibytes = (bytes: number) => `${Number((bytes / 2 ** 20).toFixed(2))} MiB`;

/** How the input is named in messages: the path, or `stdin`. */
const nameOf = ({ source, flag }: JsonInput) => (source === STDIN_SOURCE ? `${flag} - (stdin)` : `${flag} ${source}`);

/**
 * The bytes of `chunks`, up to `maxBytes`: reading stops (and the stream is closed, by
 * leaving the loop) as soon as one byte more arrives, so a file that never ends (a pipe fed
 * forever, `/dev/zero`) is refused after the cap, not read without end.
 * @throws {UsageError} When the input is longer than `maxBytes`.
 */
async function readCapped(chunks: AsyncIterable<Uint8Array | string>, input: JsonInput): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of chunks) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    length += bytes.length;
    if (length > input.maxBytes)
      throw new UsageError(`${nameOf(input)}: ${input.what} is larger than ${mebibytes(input.maxBytes)}; nothing was checked.`);
    parts.push(bytes);
  }
  return Buffer.concat(parts);
}

/** The chunks of the source: the standard input, or the file. */
function chunksOf(input: JsonInput, io: Pick<CliIo, 'stdin' | 'cwd'>): AsyncIterable<Uint8Array | string> {
  if (input.source !== STDIN_SOURCE) return createReadStream(resolve(io.cwd, input.source), { highWaterMark: READ_CHUNK_BYTES });
  if (io.stdin === undefined) throw new UsageError(`${nameOf(input)}: there is no standard input to read.`);
  return io.stdin;
}

/** Whether `value` nests arrays and objects deeper than `maxDepth` (walked without recursion). */
function nestsDeeperThan(value: unknown, maxDepth: number): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    if (typeof entry.value !== 'object' || entry.value === null) continue;
    if (entry.depth >= maxDepth) return true;
    for (const child of Object.values(entry.value)) stack.push({ value: child, depth: entry.depth + 1 });
  }
  return false;
}

/**
 * Reads a JSON document from a file or the standard input, bounded: at most `maxBytes`, UTF-8
 * (a byte-order mark is dropped), nested at most {@link MAX_JSON_DEPTH} deep.
 * @returns The parsed value, not yet checked against any shape.
 * @throws {UsageError} When the input cannot be read, is too large, is not UTF-8 or not JSON,
 * or nests too deep. The message names the flag and the input, never the content.
 */
export async function readJsonInput(input: JsonInput, io: Pick<CliIo, 'stdin' | 'cwd'>): Promise<unknown> {
  let bytes: Uint8Array;
  try {
    bytes = await readCapped(chunksOf(input, io), input);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${nameOf(input)}: cannot read ${input.what}: ${(error as Error).message}`, { cause: error });
  }
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    throw new UsageError(`${nameOf(input)}: ${input.what} is not JSON (${(error as Error).message}).`, { cause: error });
  }
  if (nestsDeeperThan(value, MAX_JSON_DEPTH))
    throw new UsageError(`${nameOf(input)}: ${input.what} nests deeper than ${MAX_JSON_DEPTH} levels; nothing was checked.`);
  return value;
}
