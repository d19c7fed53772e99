import type { FleetItem } from '@ecs-resize/fleet';
import type { RuleConfirmation } from '@ecs-resize/rules';
import { extname } from 'node:path';
import { confirmationsFrom } from '../args/confirmations.js';
import { parseMode } from '../args/mode.js';
import type { CliIo } from '../cli-io.js';
import { UsageError } from '../errors/UsageError.js';
import { nameOfInput, readBoundedText, STDIN_SOURCE, type BoundedInput } from '../input/read-bounded-input.js';
import { parseJsonText } from '../input/read-json-input.js';
import { refuseDuplicateServers, type DuplicateServersWording } from '../input/refuse-duplicate-servers.js';

/**
 * The largest fleet file read. A fleet of 20,000 servers with every column is 2.6 MiB as CSV
 * and 5.6 MiB as indented JSON (bounded-files.test.ts measures them): room to spare, and
 * still far from what would strain memory.
 */
export const MAX_FLEET_BYTES = 16 * 2 ** 20;

/** The most items a fleet file holds: five times a 20,000-server fleet. */
export const MAX_FLEET_ITEMS = 100_000;

/** The CSV columns: `serverId` and `flavorRef` required, the others optional. */
const CSV_COLUMNS = ['serverId', 'flavorRef', 'confirm', 'mode', 'auto-pay', 'dedicated-host'] as const;

/** A CSV field without its surrounding spaces and double quotes (as spreadsheets export them). */
const field = (text: string) =>
  text
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .trim();

/**
 * A CSV `auto-pay` field: `true`, `false`, or empty (none: the v1 API).
 * @throws {UsageError} For any other value.
 */
function parseAutoPay(text: string, where: string): boolean | undefined {
  if (text === '') return undefined;
  if (text === 'true' || text === 'false') return text === 'true';
  throw new UsageError(`${where}: auto-pay must be true, false or empty, not "${text}". Nothing was sent.`);
}

/**
 * The items of a CSV file: a header row naming the columns
 * (`serverId,flavorRef[,confirm][,mode][,auto-pay][,dedicated-host]`, in any order), then one
 * resize per line; `confirm` lists confirmations separated by `;`
 * (`xen-to-kvm-drivers;h1-drivers`); `dedicated-host` is checked by the planner, like the ids.
 * Blank lines are skipped. Ids hold no commas, so fields
 * are not quoted beyond a pair of double quotes.
 */
function parseCsv(text: string, path: string, offered: readonly RuleConfirmation[]): FleetItem[] {
  const rows: { number: number; cells: string[] }[] = [];
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    const cells = line.split(',').map(field);
    if (!cells.some(Boolean)) continue;
    // The header and at most MAX_FLEET_ITEMS records: refused as soon as one more is found.
    refuseTooMany(rows.push({ number: index + 1, cells }) - 1, path);
  }
  const [header, ...records] = rows;
  const columns = header?.cells ?? [];
  const unknown = columns.filter((column) => !(CSV_COLUMNS as readonly string[]).includes(column));
  if (!columns.includes('serverId') || !columns.includes('flavorRef') || unknown.length > 0) {
    throw new UsageError(
      `${path}: the first line must name the columns serverId,flavorRef and optionally confirm, mode, auto-pay and dedicated-host (found "${columns.join(',')}").`,
    );
  }
  return records.map(({ number, cells }) => {
    if (cells.length !== columns.length)
      throw new UsageError(`${path} line ${number}: ${cells.length} fields, the header has ${columns.length}.`);
    const row = Object.fromEntries(columns.map((column, index) => [column, cells[index] ?? '']));
    const where = `${path} line ${number}`;
    const confirm = (row['confirm'] ?? '').split(';').map(field).filter(Boolean);
    const mode = parseMode(row['mode'] || undefined);
    const autoPay = parseAutoPay(row['auto-pay'] ?? '', where);
    const dedicatedHostId = row['dedicated-host'] || undefined;
    return {
      serverId: row['serverId'] ?? '',
      flavorRef: row['flavorRef'] ?? '',
      ...(confirm.length > 0 ? { confirmations: confirmationsFrom(confirm, where, offered) } : {}),
      ...(mode === undefined ? {} : { mode }),
      ...(autoPay === undefined ? {} : { autoPay }),
      ...(dedicatedHostId === undefined ? {} : { dedicatedHostId }),
    };
  });
}

/**
 * The items of a JSON file: an array of
 * `{ serverId, flavorRef, confirmations?, mode?, autoPay?, dedicatedHostId? }` (checked by the
 * planner, item by item: a bad field is an invalid item naming it).
 */
function parseJson(text: string, input: BoundedInput): FleetItem[] {
  const path = nameOfInput(input);
  const value = parseJsonText(text, input);
  if (!Array.isArray(value))
    throw new UsageError(`${path}: must hold an array of { serverId, flavorRef, confirmations? } items.`);
  refuseTooMany(value.length, path);
  return value as FleetItem[];
}

/** Refuses a fleet of more than {@link MAX_FLEET_ITEMS} items. */
function refuseTooMany(count: number, path: string): void {
  if (count > MAX_FLEET_ITEMS)
    throw new UsageError(
      `${path} holds more than ${MAX_FLEET_ITEMS.toLocaleString('en')} items: split it into several files. Nothing was sent.`,
    );
}

/** How a fleet file naming a server twice is refused: items are numbered from 1, in file order. */
const FLEET_DUPLICATES: DuplicateServersWording = {
  does: (servers) => `names ${servers} more than once`,
  where: (indexes) => `items ${indexes.map((index) => index + 1).join(', ')}`,
  advice: 'A fleet resizes each server once: keep one item per server. Nothing was sent.',
};

/** A fleet file's format: its extension, or for the standard input its first character. */
type FleetFormat = '.json' | '.csv';

/**
 * The format of a fleet file, from its extension, before it is read.
 * @throws {UsageError} When it is neither `.json` nor `.csv`.
 */
function formatOfPath(path: string): FleetFormat {
  const extension = extname(path).toLowerCase();
  if (extension !== '.json' && extension !== '.csv') throw new UsageError(`${path}: a fleet file is .json or .csv.`);
  return extension;
}

/** The format of a fleet on the standard input: JSON when it starts with `[`, else CSV. */
const formatOfText = (text: string): FleetFormat => (text.trimStart().startsWith('[') ? '.json' : '.csv');

/**
 * Reads a fleet file, or the standard input for `-`, at most {@link MAX_FLEET_BYTES} and
 * {@link MAX_FLEET_ITEMS} items: `.json` (an array of items) or `.csv` (a header, then one item
 * per line); on the standard input, JSON when it starts with `[`, else CSV. A CSV's `confirm`
 * names are those of `offered` (the rules' confirmations).
 * @param source The path (absolute, or relative to `io.cwd`), or `-`.
 * @throws {UsageError} When the file is missing, of another kind, too large, not UTF-8, not
 * shaped like a fleet, or names a server more than once. Nothing is sent.
 */
export async function readFleetFile(
  source: string,
  offered: readonly RuleConfirmation[],
  io: Pick<CliIo, 'stdin' | 'cwd'>,
): Promise<FleetItem[]> {
  const format = source === STDIN_SOURCE ? undefined : formatOfPath(source);
  const input: BoundedInput = { source, what: 'the fleet file', maxBytes: MAX_FLEET_BYTES };
  const text = await readBoundedText(input, io);
  const path = nameOfInput(input);
  const items = (format ?? formatOfText(text)) === '.json' ? parseJson(text, input) : parseCsv(text, path, offered);
  refuseDuplicateServers(path, items, FLEET_DUPLICATES);
  return items;
}
