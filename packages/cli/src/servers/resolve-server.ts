import { isServerId, type EcsClient } from '@ecs-resize/core';
import { UsageError } from '../errors/UsageError.js';

/**
 * Characters that do not match themselves in a regular expression. The API's `name` filter is
 * "fuzzy, regex-ish" (ecs-api.md §4.1): whether these are taken literally or as a pattern is
 * UNCONFIRMED, so a name with one of them is looked for among all the servers instead.
 */
const PATTERN_CHARACTER = /[\\^$*+?()[\]{}|]/;

/**
 * The id of the server `server` names: a UUID is the id itself; anything else is a server name,
 * looked up with `listServers` and matched exactly (the API's filter is fuzzy; `.` matches any
 * character).
 *
 * @throws {UsageError} When no server has that name, or several do (their ids listed).
 */
export async function resolveServerId(ecs: EcsClient, server: string, signal: AbortSignal): Promise<string> {
  if (isServerId(server)) return server;
  const listed = await ecs.listServers(PATTERN_CHARACTER.test(server) ? { signal } : { name: server, signal });
  const ids = listed.filter((candidate) => candidate.name === server).map((candidate) => candidate.id);
  const [id, ...others] = ids;
  if (id === undefined) {
    throw new UsageError(`No server is named "${server}". Give its id, or run: ecs-resize servers`);
  }
  if (others.length > 0) {
    throw new UsageError(`${ids.length} servers are named "${server}"; give one of their ids: ${ids.join(', ')}`);
  }
  return id;
}
