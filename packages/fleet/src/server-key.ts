import { IdSchema } from '@ecs-resize/core/internal';
import * as v from 'valibot';

/**
 * The key that tells whether two items or journal entries are about the same server. Server
 * ids are case-sensitive strings in the API's documentation, but whether the cloud resolves an
 * id written in another case to the same server is UNCONFIRMED (a database with a
 * case-insensitive collation does), so ids that differ only in case are taken as one server:
 * a fleet naming both is refused, and a journal entry for one counts for the other.
 * @internal
 */
export const serverKey = (serverId: string): string => serverId.toLowerCase();

/**
 * The `serverId` of an item of any shape (a plan keeps items that failed validation as they
 * were given), or undefined when it has none that is a valid id (such an item is never sent).
 * @internal
 */
export function serverIdOf(item: unknown): string | undefined {
  const serverId = typeof item === 'object' && item !== null ? (item as { serverId?: unknown }).serverId : undefined;
  return v.is(IdSchema, serverId) ? serverId : undefined;
}
