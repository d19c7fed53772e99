import type { CliIo } from '../cli-io.js';
import { UsageError } from '../errors/UsageError.js';
import { nameOfInput, readBoundedBytes, STDIN_SOURCE, utf8Text, type BoundedInput } from './read-bounded-input.js';

/** The deepest nesting of arrays and objects accepted: far more than a plan or facts need. */
export const MAX_JSON_DEPTH = 128;

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

/** The refusal of an input that is not JSON, with the parser's reason. */
const notJson = (input: BoundedInput, error: unknown) =>
  new UsageError(`${nameOfInput(input)}: ${input.what} is not JSON (${(error as Error).message}).`, { cause: error });

/**
 * The refusal of an input with nothing but blanks: on the standard input it is most often the
 * command before the pipe that failed (`terraform show -json tfplan | ...`), so it says so.
 */
const empty = (input: BoundedInput) =>
  new UsageError(
    `${nameOfInput(input)}: ${input.what} is empty` +
      (input.source === STDIN_SOURCE ? ': did the command that writes it fail?' : '.') +
      ' Nothing was checked.',
  );

/**
 * The JSON document `text` holds, nested at most {@link MAX_JSON_DEPTH} deep.
 * @param input What `text` was read from, for messages.
 * @returns The parsed value, not yet checked against any shape.
 * @throws {UsageError} When it is empty, not JSON or nests too deep, naming the input, never the content.
 */
export function parseJsonText(text: string, input: BoundedInput): unknown {
  if (text.trim() === '') throw empty(input);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw notJson(input, error);
  }
  if (nestsDeeperThan(value, MAX_JSON_DEPTH))
    throw new UsageError(`${nameOfInput(input)}: ${input.what} nests deeper than ${MAX_JSON_DEPTH} levels; nothing was checked.`);
  return value;
}

/**
 * Reads a JSON document from a file or the standard input ({@link readBoundedBytes}): at
 * most `maxBytes`, UTF-8 (a byte-order mark is dropped), nested at most
 * {@link MAX_JSON_DEPTH} deep.
 * @returns The parsed value, not yet checked against any shape.
 * @throws {UsageError} When the input cannot be read, is too large, is not UTF-8 or not JSON,
 * or nests too deep. The message names the flag and the input, never the content.
 */
export async function readJsonInput(input: BoundedInput, io: Pick<CliIo, 'stdin' | 'cwd'>): Promise<unknown> {
  const bytes = await readBoundedBytes(input, io);
  let text: string;
  try {
    text = utf8Text(bytes);
  } catch (error) {
    // Text that is not UTF-8 is not JSON (RFC 8259 §8.1), and is refused as such.
    throw notJson(input, error);
  }
  return parseJsonText(text, input);
}
