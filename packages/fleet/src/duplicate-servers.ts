import { EcsInputError, type InputIssue } from '@ecs-resize/core';
import { serverIdOf, serverKey } from './server-key.js';

/** A server that a fleet names more than once. */
export interface DuplicateServer {
  /** Its id, as the first item naming it writes it. */
  serverId: string;
  /** The index of every item naming it (two or more), in order. */
  indexes: number[];
}

/** The most duplicated servers an error lists one by one; the rest are counted. */
const MAX_LISTED = 20;

/**
 * The servers that `items` name more than once (ids that differ only in case are one server,
 * see `serverKey`), in order of first mention. Items without a valid `serverId` are ignored
 * (they are never sent).
 * A fleet resizes each server once: two items for one server (to the same flavor or not)
 * would send two resizes.
 */
export function findDuplicateServers(items: readonly unknown[]): DuplicateServer[] {
  const byKey = new Map<string, DuplicateServer>();
  items.forEach((item, index) => {
    const serverId = serverIdOf(item);
    if (serverId === undefined) return;
    const key = serverKey(serverId);
    const found = byKey.get(key);
    if (found) found.indexes.push(index);
    else byKey.set(key, { serverId, indexes: [index] });
  });
  return [...byKey.values()].filter((server) => server.indexes.length > 1);
}

/**
 * Throws an `EcsInputError` for `operation` naming each duplicated server (the first 20, then
 * a count) under `root` (e.g. `items`), when `items` names a server more than once.
 * @internal
 */
export function refuseDuplicateServers(operation: string, root: string, items: readonly unknown[]): void {
  const duplicates = findDuplicateServers(items);
  if (duplicates.length === 0) return;
  const issues: InputIssue[] = duplicates.slice(0, MAX_LISTED).map(({ serverId, indexes }) => ({
    path: `${root}.${indexes[1]}.serverId`,
    message: `names server ${serverId} again (items ${indexes.join(', ')}): keep one item per server, a fleet resizes each server once`,
  }));
  if (duplicates.length > MAX_LISTED)
    issues.push({ path: root, message: `${duplicates.length - MAX_LISTED} more servers are named more than once` });
  throw new EcsInputError(operation, issues);
}
