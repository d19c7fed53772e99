import * as v from 'valibot';
import type { EcsConnection } from '../connection/create-ecs-connection.js';
import { apiCall, LIST_SERVERS } from '../http/routes.js';
import { IdSchema } from '../input/id-schema.js';
import { parseInput } from '../input/parse-input.js';
import { wholeNumber } from '../input/whole-number.js';
import { requestOptionsEntries, type RequestOptions } from '../input/request-options.js';
import { ListServersResponseSchema, type Server } from '../schemas/server.js';
import { collectPages } from '../utils/collect-pages.js';

/** The largest page the API serves. */
export const MAX_SERVER_PAGE_SIZE = 1000;

/** Options of `listServers`. */
export interface ListServersOptions extends RequestOptions {
  /**
   * Servers per request (the API's `limit`; OTC advises 200).
   * @default 200
   */
  pageSize?: number | undefined;
  /** Only servers of this flavor id. */
  flavor?: string | undefined;
  /** Only servers in this status, e.g. `SHUTOFF` (which also matches RESIZE and REBUILD, ecs-api.md §4.1). */
  status?: string | undefined;
  /** Only servers whose name matches (the API matches fuzzily; `.` is any character). */
  name?: string | undefined;
}

/** Options of `listServersPage`. */
export interface ListServersPageOptions extends ListServersOptions {
  /** The page number, from 1 (the API's `offset`). @default 1 */
  page?: number | undefined;
}

/** One page of servers, and how many servers match in all. */
export interface ServersPage {
  /** The API's `count`: every matching server, on all pages (when the API says). */
  count: number | undefined;
  servers: Server[];
}

/** The option entries both listings take. */
const listEntries = {
  ...requestOptionsEntries,
  pageSize: v.optional(wholeNumber(1, MAX_SERVER_PAGE_SIZE), 200),
  flavor: v.optional(IdSchema),
  status: v.optional(
    v.pipe(v.string('must be a string'), v.regex(/^[A-Z_]{1,32}$/, 'must be a status such as SHUTOFF or ACTIVE')),
  ),
  name: v.optional(
    v.pipe(
      v.string('must be a string'),
      v.regex(/^[^\0-\x1f\x7f]{1,255}$/, 'must be 1 to 255 characters, no control characters'),
    ),
  ),
};

const InputSchema = v.object({
  options: v.optional(
    v.strictObject(listEntries, 'must be { pageSize?, flavor?, status?, name?, signal? }: check the option names'),
    {},
  ),
});

const PageInputSchema = v.object({
  options: v.optional(
    v.strictObject(
      { ...listEntries, page: v.optional(wholeNumber(1, 1_000_000), 1) },
      'must be { page?, pageSize?, flavor?, status?, name?, signal? }: check the option names',
    ),
    {},
  ),
});

/** One request of `cloudservers/detail`. */
async function fetchPage(
  ecs: EcsConnection,
  page: number,
  options: v.InferOutput<typeof InputSchema>['options'],
): Promise<ServersPage> {
  const body = await ecs.transport.send({
    ...apiCall(
      LIST_SERVERS,
      { project_id: ecs.projectId },
      { offset: page, limit: options.pageSize, flavor: options.flavor, status: options.status, name: options.name },
    ),
    signal: options.signal,
    schema: ListServersResponseSchema,
  });
  return { count: body.count, servers: body.servers };
}

/**
 * `GET /v1/{project_id}/cloudservers/detail`, one page (`offset` is a page number): the
 * servers, and `count`, how many match on all pages.
 * Also `client.listServersPage`.
 */
export async function listServersPage(ecs: EcsConnection, options?: ListServersPageOptions): Promise<ServersPage> {
  const { options: input } = parseInput('listServersPage', '', PageInputSchema, { options });
  return fetchPage(ecs, input.page, input);
}

/**
 * `GET /v1/{project_id}/cloudservers/detail`, every page: all servers, in the API's shape.
 * `offset` is a page number (ecs-api.md §4.1); paging stops at `count`, at an empty page, or
 * (when the API gives no `count`) at a short page; the client's `maxPages` and `maxItems`
 * bound it whatever the server says.
 * Also `client.listServers`.
 */
export async function listServers(ecs: EcsConnection, options?: ListServersOptions): Promise<Server[]> {
  const { options: input } = parseInput('listServers', '', InputSchema, { options });
  return collectPages(
    apiCall(LIST_SERVERS, { project_id: ecs.projectId }).path,
    ecs.transport.listBounds,
    1,
    async (page) => {
      const body = await fetchPage(ecs, page, input);
      // The API documents `count`: paging ends once that many servers are listed, or at an
      // empty page (a `count` that says too many). Without `count`, a short page is the last:
      // whether a page number past the end repeats the last page is UNCONFIRMED.
      const last = body.servers.length === 0 || (body.count === undefined && body.servers.length < input.pageSize);
      return { items: body.servers, next: last ? undefined : page + 1, total: body.count };
    },
    (server) => server.id,
  );
}
