import type { ResizeFacts } from '@ecs-resize/rules';
import * as v from 'valibot';
import type { ClientContext } from '../client/client-context.js';
import { IdSchema } from '../input/id-schema.js';
import { ModeSchema } from '../input/mode-schema.js';
import { parseInput } from '../input/parse-input.js';
import { requestOptionsEntries, type RequestOptions } from '../input/request-options.js';
import { getServer } from '../operations/get-server.js';
import { getVolumes } from '../operations/get-volumes.js';
import { listBlockDevices } from '../operations/list-block-devices.js';
import { listFlavors } from '../operations/list-flavors.js';
import { listResizeFlavors } from '../operations/list-resize-flavors.js';
import type { Flavor, ResizeFlavor } from '../schemas/flavor.js';
import type { Server } from '../schemas/server.js';
import { abortable } from '../utils/abortable.js';
import { flavorFacts, type FlavorSource } from './flavor-facts.js';
import { diskFacts, serverStateFacts } from './server-facts.js';

/** What the operator attests, because the API cannot tell (see the rules). */
export interface Confirmations {
  /** Xen → KVM: the KVM guest drivers are installed. */
  xenToKvmDrivers?: boolean | undefined;
  /** S1/C1/C2/M1 → H1: the H1 driver is installed. */
  h1Drivers?: boolean | undefined;
}

/** Options of `collectFacts`. */
export interface CollectFactsOptions extends RequestOptions {
  /** Passed into the facts for the driver rules. */
  confirmations?: Confirmations | undefined;
  /** Passed into the facts: `withStopServer` lets a running server pass. */
  mode?: 'withStopServer' | undefined;
}

/** The confirmations schema, shared with `resize`. */
export const ConfirmationsSchema = v.strictObject(
  { xenToKvmDrivers: v.optional(v.boolean('must be a boolean')), h1Drivers: v.optional(v.boolean('must be a boolean')) },
  'must be { xenToKvmDrivers?, h1Drivers? }: check the names',
);

const InputSchema = v.object({
  serverId: IdSchema,
  flavorRef: IdSchema,
  options: v.optional(
    v.strictObject(
      {
        ...requestOptionsEntries,
        confirmations: v.optional(ConfirmationsSchema),
        mode: ModeSchema,
      },
      'must be { confirmations?, mode?, signal? }: check the option names',
    ),
    {},
  ),
});

/** The client's flavor list, fetched once and shared by every later call. */
function cachedFlavors(context: ClientContext, signal: AbortSignal | undefined): Promise<Flavor[]> {
  if (!context.flavorCache) {
    const pending = listFlavors(context);
    context.flavorCache = pending;
    pending.catch(() => {
      if (context.flavorCache === pending) context.flavorCache = undefined;
    });
  }
  return abortable(context.flavorCache, signal);
}

/** The attached volume ids: from the server object, else (absent there) from block_device. */
async function attachedVolumeIds(context: ClientContext, server: Server, signal: AbortSignal | undefined): Promise<string[]> {
  const attached = server['os-extended-volumes:volumes_attached'];
  if (attached) return attached.map((volume) => volume.id);
  return (await listBlockDevices(context, server.id, { signal })).map((device) => device.volumeId);
}

/** What the listings say of one flavor: `resize_flavors` first (it is for this server), then the flavor list. */
function sourceOf(id: string, targets: readonly ResizeFlavor[], flavors: readonly Flavor[], fallback: FlavorSource = {}): FlavorSource {
  const target = targets.find((flavor) => flavor.id === id);
  if (target) return { vcpus: target.vcpus, ram: target.ram, specs: target.extra_specs ?? {} };
  const flavor = flavors.find((item) => item.id === id);
  if (flavor) return { vcpus: flavor.vcpus, ram: flavor.ram, specs: flavor.os_extra_specs ?? {} };
  return fallback;
}

/**
 * Builds the facts the resize rules need, from the API. Requests: the server; then, at the
 * same time, its `resize_flavors` (one per 1,000 targets), its EVS disks (one per 60), and the
 * flavor list (once per client, then cached). So 4 requests for the first server of a client
 * and 3 for each later one (plus `block_device` if the server object lists no volumes).
 * @internal Exposed as `client.collectFacts`.
 */
export async function collectFacts(
  context: ClientContext,
  serverId: string,
  flavorRef: string,
  options?: CollectFactsOptions,
): Promise<ResizeFacts> {
  const input = parseInput('collectFacts', '', InputSchema, { serverId, flavorRef, options });
  const { signal, confirmations, mode } = input.options;
  const server = await getServer(context, input.serverId, { signal });
  const [targets, flavors, disks] = await Promise.all([
    listResizeFlavors(context, server.id, { signal }),
    cachedFlavors(context, signal),
    attachedVolumeIds(context, server, signal).then(async (ids) => {
      const volumes = await getVolumes(context, ids, { signal });
      return diskFacts(ids, new Map(volumes.map((volume) => [volume.id, volume])));
    }),
  ]);
  const zone = server['OS-EXT-AZ:availability_zone'];
  const current = { vcpus: server.flavor.vcpus, ram: server.flavor.ram };
  return {
    server: {
      ...serverStateFacts(server),
      flavor: flavorFacts(server.flavor.id, sourceOf(server.flavor.id, [], flavors, current), zone),
      disks,
    },
    target: flavorFacts(input.flavorRef, sourceOf(input.flavorRef, targets, flavors), zone),
    allowedTargets: targets.map((flavor) => flavor.id),
    ...(mode ? { mode } : {}),
    ...(confirmations ? { confirmations } : {}),
  };
}
