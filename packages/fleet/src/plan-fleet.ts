import {
  EcsInputError,
  getServer,
  getVolumes,
  listBlockDevices,
  listFlavors,
  listResizeFlavorsForFlavor,
  listServersPage,
  type EcsConnection,
  type Preflight,
  type ResizeFlavor,
  type Server,
  type Volume,
} from '@ecs-resize/core';
import {
  _checkFacts,
  assembleFacts,
  ConfirmationsSchema,
  IdSchema,
  mapConcurrent,
  MAX_SERVER_PAGE_SIZE,
  MAX_VOLUME_IDS_PER_CALL,
  ModeSchema,
  parseInput,
  PreflightSchema,
  RequestFactsEntries,
  SignalSchema,
  wholeNumber,
} from '@ecs-resize/core/internal';
import * as v from 'valibot';
import { ConnectionSchema } from './connection-schema.js';
import { refuseDuplicateServers } from './duplicate-servers.js';
import type { FleetItem, FleetItemPlan, FleetPlan } from './fleet-types.js';

/** Options of `planFleet`. */
export interface PlanFleetOptions {
  /** Requests in flight at once. @default 8 */
  concurrency?: number | undefined;
  /** Called as each item is planned. */
  onProgress?: ((progress: { done: number; total: number; item: FleetItemPlan }) => void) | undefined;
  signal?: AbortSignal | undefined;
}

const ItemSchema = v.strictObject(
  {
    serverId: IdSchema,
    flavorRef: IdSchema,
    confirmations: v.optional(ConfirmationsSchema),
    mode: ModeSchema,
    ...RequestFactsEntries,
  },
  'must be { serverId, flavorRef, confirmations?, mode?, autoPay?, dedicatedHostId? }',
);

const InputSchema = v.object({
  ecs: ConnectionSchema,
  engine: PreflightSchema,
  items: v.pipe(
    v.array(v.unknown(), 'must be an array of { serverId, flavorRef }'),
    v.maxLength(100_000, 'must hold at most 100,000 items'),
  ),
  options: v.optional(
    v.strictObject(
      {
        concurrency: v.optional(wholeNumber(1, 64), 8),
        onProgress: v.optional(v.function('must be a function')),
        signal: v.optional(SignalSchema),
      },
      'must be { concurrency?, onProgress?, signal? }: check the option names',
    ),
    {},
  ),
});

/** A look-up's result: the value, or why it failed. */
type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** Runs a look-up and keeps its failure as a value, unless the whole plan was aborted. */
async function outcome<T>(lookUp: () => Promise<T>, signal: AbortSignal | undefined): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await lookUp() };
  } catch (error) {
    signal?.throwIfAborted();
    return { ok: false, error };
  }
}

/**
 * The servers, by id. With more than one, the list API is read first: its first page (1,000
 * servers) tells how many pages there are, and the rest are read only when that is fewer
 * requests than one GET per server still missing. Servers not listed are then read one by one.
 */
async function fetchServers(ecs: EcsConnection, ids: readonly string[], concurrency: number, signal: AbortSignal | undefined) {
  const servers = new Map<string, Outcome<Server>>();
  const add = (listed: readonly Server[]) => listed.forEach((server) => servers.set(server.id, { ok: true, value: server }));
  const pageSize = MAX_SERVER_PAGE_SIZE;
  if (ids.length > 1) {
    const first = await outcome(() => listServersPage(ecs, { page: 1, pageSize, signal }), signal);
    if (first.ok) {
      add(first.value.servers);
      const pages = Math.ceil((first.value.count ?? 0) / pageSize);
      const missing = ids.filter((id) => !servers.has(id)).length;
      if (pages - 1 > 0 && pages - 1 < missing) {
        const rest = Array.from({ length: pages - 1 }, (_, index) => index + 2);
        await mapConcurrent(
          rest,
          concurrency,
          async (page) => {
            const listed = await outcome(() => listServersPage(ecs, { page, pageSize, signal }), signal);
            if (listed.ok) add(listed.value.servers);
          },
          signal,
        );
      }
    }
  }
  const unlisted = ids.filter((id) => !servers.has(id));
  await mapConcurrent(
    unlisted,
    concurrency,
    async (id) => {
      servers.set(id, await outcome(() => getServer(ecs, id, { signal }), signal));
    },
    signal,
  );
  return servers;
}

/** The volumes attached to each server: from the server object, else from `block_device`. */
async function fetchVolumeIds(
  ecs: EcsConnection,
  servers: readonly Server[],
  concurrency: number,
  signal: AbortSignal | undefined,
) {
  const volumeIds = new Map<string, Outcome<string[]>>();
  const withoutList: Server[] = [];
  for (const server of servers) {
    const attached = server['os-extended-volumes:volumes_attached'];
    if (attached) volumeIds.set(server.id, { ok: true, value: attached.map((volume) => volume.id) });
    else withoutList.push(server);
  }
  await mapConcurrent(
    withoutList,
    concurrency,
    async (server) => {
      const devices = await outcome(() => listBlockDevices(ecs, server.id, { signal }), signal);
      volumeIds.set(server.id, devices.ok ? { ok: true, value: devices.value.map((device) => device.volumeId) } : devices);
    },
    signal,
  );
  return volumeIds;
}

/** The EVS disks, 60 ids per request, by id; a failed batch leaves its ids with the error. */
async function fetchVolumes(ecs: EcsConnection, ids: readonly string[], concurrency: number, signal: AbortSignal | undefined) {
  const volumes = new Map<string, Volume>();
  const failed = new Map<string, unknown>();
  const batches = Array.from({ length: Math.ceil(ids.length / MAX_VOLUME_IDS_PER_CALL) }, (_, index) =>
    ids.slice(index * MAX_VOLUME_IDS_PER_CALL, (index + 1) * MAX_VOLUME_IDS_PER_CALL),
  );
  await mapConcurrent(
    batches,
    concurrency,
    async (batch) => {
      const found = await outcome(() => getVolumes(ecs, batch, { signal }), signal);
      if (found.ok) found.value.forEach((volume) => volumes.set(volume.id, volume));
      else batch.forEach((id) => failed.set(id, found.error));
    },
    signal,
  );
  return { volumes, failed };
}

/**
 * Plans the resize of a fleet: collects the facts of every item with as few requests as the
 * API allows, and checks them with the engine. The look-ups are shared, not made per item:
 * - the servers come from the list API by page (1,000 a request) when that is cheaper;
 * - the flavor list is read once;
 * - `resize_flavors` is read once per source flavor (`source_flavor_id`);
 * - the EVS disks of every server go 60 ids a request;
 * - the NICs are not read: `os-interface` has no batch form, and one request per server would
 *   be most of the plan's cost. `nic-limit` says it could not verify them (a warning: the API
 *   refuses that resize at once), and `applyFleet` checks each server again, NICs included,
 *   before it resizes it.
 *
 * Requests run `concurrency` at a time. A failed look-up becomes the error of the items that
 * needed it, not of the plan. An item that is not `{ serverId, flavorRef }` is an error of its
 * own. `resize_flavors` by flavor is not narrowed to each server's image: `applyFleet` checks
 * each server again before it resizes.
 * @param ecs A connection (`createEcsConnection`), or a client (`createEcsClient`).
 * @param engine The preflight: anything with a `check(facts)` method, e.g. `createRuleEngine()`
 *   from `@ecs-resize/rules`.
 * @throws {EcsInputError} Before any request, when the arguments are bad or the items name a
 * server more than once (`findDuplicateServers`): a fleet resizes each server once.
 */
export async function planFleet(
  ecs: EcsConnection,
  engine: Preflight,
  items: readonly FleetItem[],
  options?: PlanFleetOptions,
): Promise<FleetPlan> {
  const input = parseInput('planFleet', '', InputSchema, { ecs, engine, items, options });
  const { concurrency, onProgress, signal } = input.options;
  refuseDuplicateServers('planFleet', 'items', input.items);
  const parsed = input.items.map((raw, index) => {
    const item = v.safeParse(ItemSchema, raw);
    if (item.success) return { ok: true as const, value: item.output as FleetItem };
    return {
      ok: false as const,
      raw,
      error: new EcsInputError(
        'planFleet',
        item.issues.map((issue) => ({
          path: `items.${index}.${v.getDotPath(issue) ?? ''}`.replace(/\.$/, ''),
          message: issue.message,
        })),
      ),
    };
  });
  const valid = parsed.flatMap((entry) => (entry.ok ? [entry.value] : []));

  const servers = await fetchServers(ecs, [...new Set(valid.map((item) => item.serverId))], concurrency, signal);
  const found = [...servers.values()].flatMap((server) => (server.ok ? [server.value] : []));
  const sourceFlavors = [...new Set(found.map((server) => server.flavor.id))];
  const [flavors, targetLists, volumeIds] = await Promise.all([
    outcome(() => listFlavors(ecs, { signal }), signal),
    mapConcurrent(
      sourceFlavors,
      concurrency,
      (flavorId) => outcome(() => listResizeFlavorsForFlavor(ecs, flavorId, { signal }), signal),
      signal,
    ),
    fetchVolumeIds(ecs, found, concurrency, signal),
  ]);
  const targets = new Map<string, Outcome<ResizeFlavor[]>>(
    sourceFlavors.map((flavorId, index) => [flavorId, targetLists[index]!]),
  );
  const allVolumeIds = [...new Set([...volumeIds.values()].flatMap((ids) => (ids.ok ? ids.value : [])))];
  const disks = await fetchVolumes(ecs, allVolumeIds, concurrency, signal);

  const plans: FleetItemPlan[] = [];
  for (const entry of parsed) {
    const plan = entry.ok
      ? await planItem(entry.value)
      : { item: entry.raw as FleetItem, status: 'error' as const, error: entry.error };
    plans.push(plan);
    onProgress?.({ done: plans.length, total: parsed.length, item: plan });
  }
  return { items: plans, summary: summarise(plans) };

  /** The plan of one item, from the shared look-ups. */
  async function planItem(item: FleetItem): Promise<FleetItemPlan> {
    const failed = (error: unknown): FleetItemPlan => ({ item, status: 'error', error });
    const server = servers.get(item.serverId)!;
    if (!server.ok) return failed(server.error);
    if (!flavors.ok) return failed(flavors.error);
    const serverTargets = targets.get(server.value.flavor.id)!;
    if (!serverTargets.ok) return failed(serverTargets.error);
    const ids = volumeIds.get(item.serverId)!;
    if (!ids.ok) return failed(ids.error);
    const failedDisk = ids.value.find((id) => disks.failed.has(id));
    if (failedDisk !== undefined) return failed(disks.failed.get(failedDisk));
    const facts = assembleFacts({
      server: server.value,
      volumeIds: ids.value,
      volumes: disks.volumes,
      targets: serverTargets.value,
      flavors: flavors.value,
      flavorRef: item.flavorRef,
      confirmations: item.confirmations,
      mode: item.mode,
      autoPay: item.autoPay,
      dedicatedHostId: item.dedicatedHostId,
    });
    const { report } = await _checkFacts(engine, facts);
    return { item, status: report.ok ? 'ready' : 'blocked', report, facts };
  }
}

/** The counts of a plan. */
function summarise(plans: readonly FleetItemPlan[]): FleetPlan['summary'] {
  const blockedByRule: Record<string, number> = {};
  for (const plan of plans) {
    if (plan.status !== 'blocked') continue;
    for (const ruleId of new Set(
      plan.report?.findings.filter((finding) => finding.severity === 'error').map((finding) => finding.ruleId),
    )) {
      blockedByRule[ruleId] = (blockedByRule[ruleId] ?? 0) + 1;
    }
  }
  const count = (status: FleetItemPlan['status']) => plans.filter((plan) => plan.status === status).length;
  return { total: plans.length, ready: count('ready'), blocked: count('blocked'), errors: count('error'), blockedByRule };
}
