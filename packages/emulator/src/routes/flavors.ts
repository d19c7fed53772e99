import { ecsError, ReplyError } from '../errors.js';
import { saleStatusOf } from '../flavor-specs.js';
import type { EmulatorFlavor } from '../model.js';
import { readChoice, readInteger, readText } from '../query.js';
import { jsonReply } from '../reply.js';
import type { RouteContext, RouteHandler } from '../route.js';

const SORT_KEYS = ['flavorid', 'name', 'memory_mb', 'vcpus', 'root_gb'] as const;
type SortKey = (typeof SORT_KEYS)[number];
/** Sale statuses `?availability_zone=` keeps (ecs-api.md §4.5). */
const ON_SALE = new Set(['normal', 'obt', 'promotion']);

/**
 * `GET /v1/{project_id}/cloudservers/resize_flavors` → `{"flavors": [...]}`: the targets of the
 * source named by `instance_uuid`, else `source_flavor_id`, else `source_flavor_name` (none of
 * them: 400 `Ecs.0005`; unknown instance: 404 `Ecs.0114`). Sorted by `sort_key` (default
 * `flavorid`) and `sort_dir` (default `asc`), then paged by `limit` (default 1000) and `marker`
 * (the id of the previous page's last flavor).
 */
export const listResizeFlavors: RouteHandler = (context) => {
  const { query } = context;
  const sortKey = readChoice(query, 'sort_key', SORT_KEYS, 'flavorid');
  const descending = readChoice(query, 'sort_dir', ['asc', 'desc'], 'asc') === 'desc';
  const limit = readInteger(query, 'limit', { fallback: 1000, min: 1 });
  const source = sourceFlavor(context);
  const targets = (source?.resizeTo ?? []).flatMap((id) => context.world.flavors.get(id) ?? []);
  targets.sort((a, b) => (descending ? -1 : 1) * (compare(sortValue(a, sortKey), sortValue(b, sortKey)) || compare(a.id, b.id)));
  const marker = readText(query, 'marker');
  const start = marker === undefined ? 0 : targets.findIndex((flavor) => flavor.id === marker) + 1;
  // UNCONFIRMED: a marker that names no listed flavor is refused, as Nova does.
  if (marker !== undefined && start === 0) return ecsError('Ecs.0005');
  const flavors = targets.slice(start, start + limit).map((flavor) => renderFlavor(flavor, context, 'extra_specs'));
  return jsonReply(200, { flavors });
};

/**
 * `GET /v1/{project_id}/cloudservers/flavors` → `{"flavors": [...]}` with `os_extra_specs`. With
 * `availability_zone`, only the flavors on sale there (normal, obt, promotion).
 */
export const listFlavors: RouteHandler = (context) => {
  const az = readText(context.query, 'availability_zone');
  const flavors = [...context.world.flavors.values()]
    .filter((flavor) => az === undefined || ON_SALE.has(saleStatusOf(flavor, az)))
    .map((flavor) => renderFlavor(flavor, context, 'os_extra_specs'));
  return jsonReply(200, { flavors });
};

/**
 * The source flavor by priority instance_uuid > source_flavor_id > source_flavor_name.
 * UNCONFIRMED: an unknown source flavor gives an empty list rather than an error.
 */
function sourceFlavor({ world, query }: RouteContext): EmulatorFlavor | undefined {
  const instance = readText(query, 'instance_uuid');
  if (instance !== undefined) {
    const server = world.servers.get(instance);
    if (server === undefined) throw new ReplyError(ecsError('Ecs.0114'));
    return world.flavors.get(server.flavorId);
  }
  const id = readText(query, 'source_flavor_id');
  if (id !== undefined) return world.flavors.get(id);
  const name = readText(query, 'source_flavor_name');
  if (name !== undefined) return [...world.flavors.values()].find((flavor) => flavor.name === name);
  throw new ReplyError(ecsError('Ecs.0005'));
}

function sortValue(flavor: EmulatorFlavor, key: SortKey): string | number {
  switch (key) {
    case 'flavorid':
      return flavor.id;
    case 'name':
      return flavor.name;
    case 'memory_mb':
      return flavor.ram;
    case 'vcpus':
      return flavor.vcpus;
    case 'root_gb':
      return 0;
  }
}

function compare(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A flavor in the API's JSON shape; the extra specs go under `extra_specs` or `os_extra_specs`. */
function renderFlavor(
  flavor: EmulatorFlavor,
  { baseUrl, world }: RouteContext,
  specsKey: 'extra_specs' | 'os_extra_specs',
): Record<string, unknown> {
  return {
    id: flavor.id,
    name: flavor.name,
    vcpus: String(flavor.vcpus),
    ram: flavor.ram,
    disk: '0',
    swap: '',
    links: [
      { rel: 'self', href: `${baseUrl}/v1.0/${world.projectId}/flavors/${flavor.id}`, type: null },
      { rel: 'bookmark', href: `${baseUrl}/${world.projectId}/flavors/${flavor.id}`, type: null },
    ],
    'OS-FLV-EXT-DATA:ephemeral': 0,
    rxtx_factor: 1,
    'OS-FLV-DISABLED:disabled': false,
    rxtx_quota: null,
    rxtx_cap: null,
    'os-flavor-access:is_public': true,
    [specsKey]: { ...flavor.extraSpecs },
  };
}
