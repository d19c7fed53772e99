import { countOf } from '@ecs-resize/core';
import { findDuplicateServers } from '@ecs-resize/fleet';
import { UsageError } from '../errors/UsageError.js';

/** The most duplicated servers a refusal lists one by one; the rest are counted. */
const MAX_LISTED = 20;

/** How a refusal of duplicated servers speaks of its input. */
export interface DuplicateServersWording {
  /** What the input does, given the count of servers: `names 2 servers more than once`. */
  readonly does: (servers: string) => string;
  /** Where one server is named, from the indexes of the items naming it: `items 1, 3`. */
  readonly where: (indexes: readonly number[]) => string;
  /** The sentence that ends the refusal: why, what to do, and that nothing happened. */
  readonly advice: string;
}

/**
 * Refuses an input (a fleet file, a Terraform plan) that names a server more than once: each
 * would be sent a resize. Ids that differ only in letter case are one server, as the fleet
 * planner takes them (`findDuplicateServers`). The first {@link MAX_LISTED} servers are listed,
 * the rest counted.
 * @param name How the input is named in the message: its path, `--terraform plan.json`.
 * @param items What the input resizes, in its order; items without a valid `serverId` are left
 * to the checks that refuse them.
 * @throws {UsageError} When a server is named more than once.
 */
export function refuseDuplicateServers(name: string, items: readonly unknown[], wording: DuplicateServersWording): void {
  const duplicates = findDuplicateServers(items);
  if (duplicates.length === 0) return;
  const listed = duplicates.slice(0, MAX_LISTED).map(({ serverId, indexes }) => `${serverId} (${wording.where(indexes)})`);
  const more = duplicates.length > MAX_LISTED ? `; and ${duplicates.length - MAX_LISTED} more` : '';
  throw new UsageError(
    `${name} ${wording.does(countOf(duplicates.length, 'server'))}: ${listed.join('; ')}${more}. ${wording.advice}`,
  );
}
