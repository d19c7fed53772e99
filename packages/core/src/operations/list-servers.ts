import * as v from 'valibot';
import type { ClientContext } from '../client/client-context.js';
import { apiPath } from '../http/api-path.js';
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

const InputSchema = v.object({
  options: v.optional(
    v.strictObject(
      {
        ...requestOptionsEntries,
        pageSize: v.optional(wholeNumber(1, MAX_SERVER_PAGE_SIZE), 200),
        flavor: v.optional(IdSchema),
        status: v.optional(v.pipe(v.string('must be a string'), v.regex(/^[A-Z_]{1,32}$/, 'must be a status such as SHUTOFF or ACTIVE'))),
        name: v.optional(v.pipe(v.string('must be a string'), v.regex(/^[^\0-\x1f\x7f]{1,255}$/, 'must be 1 to 255 characters, no control characters'))),
      },
      'must be { pageSize?, flavor?, status?, name?, signal? }: check the option names',
    ),
    {},
  ),
});

/**
 * `GET /v1/{project_id}/cloudservers/detail`, every page: all servers, in the API's shape.
 * `offset` is a page number (ecs-api.md §4.1); paging stops at `count` or a short page.
 * @internal Exposed as `client.listServers`.
 */
export async function listServers(context: ClientContext, options?: ListServersOptions): Promise<Server[]> {
  const { options: input } = parseInput('listServers', '', InputSchema, { options });
  const path = apiPath`/v1/${context.projectId}/cloudservers/detail`;
  let seen = 0;
  return collectPages(path, 1, async (page) => {
    const body = await context.transport.send({
      method: 'GET',
      path,
      searchParams: { offset: page, limit: input.pageSize, flavor: input.flavor, status: input.status, name: input.name },
      signal: input.signal,
      schema: ListServersResponseSchema,
    });
    seen += body.servers.length;
    const done = body.servers.length < input.pageSize || (body.count !== undefined && seen >= body.count);
    return { items: body.servers, next: done ? undefined : page + 1 };
  }, (server) => server.id);
}
