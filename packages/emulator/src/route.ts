import type { Random } from './prng.js';
import type { Reply } from './reply.js';
import type { World } from './state.js';

/** What a route handler gets: the parsed request and the emulator's world. */
export interface RouteContext {
  /** The emulator's data, with jobs already advanced to `now`. */
  readonly world: World;
  /** Path parameters by name (e.g. `serverId`), URI-decoded. */
  readonly params: Readonly<Record<string, string>>;
  /** The query string. */
  readonly query: URLSearchParams;
  /** The raw request body. */
  readonly body: Buffer;
  /** The emulator's own URL, e.g. `http://127.0.0.1:41234`, for `links`. */
  readonly baseUrl: string;
  /** The request's clock, in epoch milliseconds. */
  readonly now: number;
  /** The seeded stream for the ids the routes create (jobs, orders). */
  readonly random: Random;
  /** How long a job runs, in milliseconds. */
  readonly jobDurationMs: number;
}

/** A route handler: synchronous, it only reads and changes the world. */
export type RouteHandler = (context: RouteContext) => Reply;

/** A path parameter the route's pattern guarantees. */
export function pathParam(context: RouteContext, name: string): string {
  const value = context.params[name];
  if (value === undefined) throw new Error(`The route has no path parameter "${name}".`);
  return value;
}
