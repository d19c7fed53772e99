import { findDuplicateServers, type FleetItem } from '@ecs-resize/fleet';
import type { RuleConfirmation } from '@ecs-resize/rules';
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { confirmationsFrom } from '../args/confirmations.js';
import { parseMode } from '../args/mode.js';
import { UsageError } from '../errors/UsageError.js';
import { countOf } from '@ecs-resize/core';

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
  const lines = text.split(/\r?\n/).map((line, index) => ({ number: index + 1, cells: line.split(',').map(field) }));
  const rows = lines.filter(({ cells }) => cells.some(Boolean));
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
function parseJson(text: string, path: string): FleetItem[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${path} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  if (!Array.isArray(value))
    throw new UsageError(`${path}: must hold an array of { serverId, flavorRef, confirmations? } items.`);
  return value as FleetItem[];
}

/** The most duplicated servers a refusal lists; the rest are counted. */
const MAX_LISTED = 20;

/**
 * Refuses a fleet that names a server more than once (`findDuplicateServers`): each would be
 * sent a resize. Items are numbered from 1, in file order.
 */
function refuseDuplicates(items: readonly unknown[], path: string): void {
  const duplicates = findDuplicateServers(items);
  if (duplicates.length === 0) return;
  const listed = duplicates
    .slice(0, MAX_LISTED)
    .map(({ serverId, indexes }) => `${serverId} (items ${indexes.map((index) => index + 1).join(', ')})`);
  const more = duplicates.length > MAX_LISTED ? `, and ${duplicates.length - MAX_LISTED} more` : '';
  throw new UsageError(
    `${path} names ${countOf(duplicates.length, 'server')} more than once: ${listed.join(', ')}${more}. ` +
      'A fleet resizes each server once: keep one item per server. Nothing was sent.',
  );
}

/**
 * Reads a fleet file: `.json` (an array of items) or `.csv` (a header, then one item per line);
 * a CSV's `confirm` names are those of `offered` (the rules' confirmations).
 * @throws {UsageError} When the file is missing, of another kind, not shaped like a fleet, or
 * names a server more than once.
 */
export function readFleetFile(path: string, offered: readonly RuleConfirmation[]): FleetItem[] {
  const kind = extname(path).toLowerCase();
  if (kind !== '.json' && kind !== '.csv') throw new UsageError(`${path}: a fleet file is .json or .csv.`);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read the fleet file ${path}: ${(error as Error).message}`, { cause: error });
  }
  const items = kind === '.json' ? parseJson(text, path) : parseCsv(text, path, offered);
  refuseDuplicates(items, path);
  return items;
}
