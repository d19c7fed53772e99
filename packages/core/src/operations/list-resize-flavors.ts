import * as v from 'valibot';
import type { EcsConnection } from '../connection/create-ecs-connection.js';
import { apiCall, LIST_RESIZE_FLAVORS } from '../http/routes.js';
import { IdSchema } from '../input/id-schema.js';
import { ServerIdSchema } from '../input/server-id-schema.js';
import { parseInput } from '../input/parse-input.js';
import { wholeNumber } from '../input/whole-number.js';
import { requestOptionsEntries, type RequestOptions } from '../input/request-options.js';
import { ListResizeFlavorsResponseSchema, type ResizeFlavor } from '../schemas/flavor.js';
import { collectPages } from '../utils/collect-pages.js';

/** The API's default and largest page. */
const DEFAULT_FLAVOR_PAGE_SIZE = 1000;

/** Options of `listResizeFlavors`. */
export interface ListResizeFlavorsOptions extends RequestOptions {
  /**
   * Flavors per request (the API's `limit`).
   * @default 1000
   */
  pageSize?: number | undefined;
  /** The API's `sort_key`. @default 'flavorid' (the API's) */
  sortKey?: 'flavorid' | 'name' | 'memory_mb' | 'vcpus' | 'root_gb' | undefined;
  /** The API's `sort_dir`. @default 'asc' (the API's) */
  sortDir?: 'asc' | 'desc' | undefined;
}

/** The listing's options. */
const OptionsSchema = v.optional(
  v.strictObject(
    {
      ...requestOptionsEntries,
      pageSize: v.optional(wholeNumber(1, DEFAULT_FLAVOR_PAGE_SIZE), DEFAULT_FLAVOR_PAGE_SIZE),
      sortKey: v.optional(
        v.picklist(['flavorid', 'name', 'memory_mb', 'vcpus', 'root_gb'], 'must be flavorid, name, memory_mb, vcpus or root_gb'),
      ),
      sortDir: v.optional(v.picklist(['asc', 'desc'], 'must be asc or desc')),
    },
    'must be { pageSize?, sortKey?, sortDir?, signal? }: check the option names',
  ),
  {},
);

const ServerInputSchema = v.object({ serverId: ServerIdSchema, options: OptionsSchema });
const FlavorInputSchema = v.object({ flavorId: IdSchema, options: OptionsSchema });

/** Every page of `resize_flavors` for one source: a server (`instance_uuid`) or a flavor (`source_flavor_id`). */
async function listTargets(
  ecs: EcsConnection,
  source: { instance_uuid: string } | { source_flavor_id: string },
  { pageSize, sortKey, sortDir, signal }: ListResizeFlavorsOptions & { pageSize: number },
): Promise<ResizeFlavor[]> {
  const { path } = apiCall(LIST_RESIZE_FLAVORS, { project_id: ecs.projectId });
  return collectPages<ResizeFlavor, { marker?: string }>(
    path,
    ecs.transport.listBounds,
    {},
    async ({ marker }) => {
      const body = await ecs.transport.send({
        ...apiCall(
          LIST_RESIZE_FLAVORS,
          { project_id: ecs.projectId },
          { ...source, limit: pageSize, marker, sort_key: sortKey, sort_dir: sortDir },
        ),
        signal,
        schema: ListResizeFlavorsResponseSchema,
      });
      // Only an empty page ends marker paging (as the official SDKs' marker pagers do): a page
      // shorter than `limit` is not the last one when a gateway caps page sizes.
      const last = body.flavors.at(-1);
      return { items: body.flavors, next: last === undefined ? undefined : { marker: last.id } };
    },
    (flavor) => flavor.id,
  );
}

/**
 * `GET /v1/{project_id}/cloudservers/resize_flavors?instance_uuid=…`, following `marker`
 * paging: every flavor the server may change to, in the API's shape (with `extra_specs`).
 * Also `client.listResizeFlavors`.
 */
export async function listResizeFlavors(
  ecs: EcsConnection,
  serverId: string,
  options?: ListResizeFlavorsOptions,
): Promise<ResizeFlavor[]> {
  const input = parseInput('listResizeFlavors', '', ServerInputSchema, { serverId, options });
  return listTargets(ecs, { instance_uuid: input.serverId }, input.options);
}

/**
 * {@link listResizeFlavors} of a server id already validated, in the API's default order.
 * @internal
 */
export function _listResizeFlavors(
  ecs: EcsConnection,
  serverId: string,
  signal: AbortSignal | undefined,
): Promise<ResizeFlavor[]> {
  return listTargets(ecs, { instance_uuid: serverId }, { pageSize: DEFAULT_FLAVOR_PAGE_SIZE, signal });
}

/**
 * `GET /v1/{project_id}/cloudservers/resize_flavors?source_flavor_id=…`, every marker page:
 * the flavors a flavor may change to, whatever the server. One request serves every server
 * of that flavor, but the list is not narrowed to each server's image as `instance_uuid` is
 * (Huawei documents that narrowing), so check a server with `listResizeFlavors` before resizing.
 * Also `client.listResizeFlavorsForFlavor`.
 */
export async function listResizeFlavorsForFlavor(
  ecs: EcsConnection,
  flavorId: string,
  options?: ListResizeFlavorsOptions,
): Promise<ResizeFlavor[]> {
  const input = parseInput('listResizeFlavorsForFlavor', '', FlavorInputSchema, { flavorId, options });
  return listTargets(ecs, { source_flavor_id: input.flavorId }, input.options);
}
