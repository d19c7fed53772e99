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
import { listServerInterfaces } from '../operations/list-server-interfaces.js';
import type { Flavor } from '../schemas/flavor.js';
import type { Server } from '../schemas/server.js';
import { abortable } from '../utils/abortable.js';
import { assembleFacts, type Confirmations, type RequestFacts } from './assemble-facts.js';

/** Options of `collectFacts`: `autoPay` and `dedicatedHostId` go into the facts as the request's. */
export interface CollectFactsOptions extends RequestOptions, RequestFacts {
  /** Passed into the facts for the driver rules. */
  confirmations?: Confirmations | undefined;
  /** Passed into the facts: `withStopServer` lets a running server pass. */
  mode?: 'withStopServer' | undefined;
}

/**
 * The confirmations schema, shared with `resize`: a boolean per camelCase key (the rules'
 * `meta.confirmation.key`, e.g. `xenToKvmDrivers`; plugins declare their own).
 */
export const ConfirmationsSchema = v.record(
  v.pipe(
    v.string(),
    v.regex(/^[a-z][A-Za-z0-9]{0,63}$/, 'must be a camelCase confirmation key such as xenToKvmDrivers or h1Drivers'),
  ),
  v.boolean('must be a boolean'),
  'must be an object of booleans, e.g. { xenToKvmDrivers: true }',
);

/** The request-side facts, shared with `resize`. */
export const RequestFactsEntries = {
  autoPay: v.optional(v.boolean('must be a boolean')),
  dedicatedHostId: v.optional(IdSchema),
};

const InputSchema = v.object({
  serverId: IdSchema,
  flavorRef: IdSchema,
  options: v.optional(
    v.strictObject(
      {
        ...requestOptionsEntries,
        confirmations: v.optional(ConfirmationsSchema),
        mode: ModeSchema,
        ...RequestFactsEntries,
      },
      'must be { confirmations?, mode?, autoPay?, dedicatedHostId?, signal? }: check the option names',
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

/**
 * Builds the facts the resize rules need, from the API. Requests: the server; then, at the
 * same time, its `resize_flavors` (one per 1,000 targets, and the empty page that ends marker
 * paging), its NICs (`os-interface`, one), its EVS disks (one per 60), and the flavor list
 * (once per client, then cached). So 6 requests for the first server of a client and 5 for
 * each later one (plus `block_device` if the server object lists no volumes). The flavor
 * specs, the zone and the dedicated host come from those answers; `autoPay` and
 * `dedicatedHostId` from the options (the request's side).
 * @internal Exposed as `client.collectFacts`.
 */
export async function collectFacts(
  context: ClientContext,
  serverId: string,
  flavorRef: string,
  options?: CollectFactsOptions,
): Promise<ResizeFacts> {
  const input = parseInput('collectFacts', '', InputSchema, { serverId, flavorRef, options });
  const { signal, confirmations, mode, autoPay, dedicatedHostId } = input.options;
  const server = await getServer(context, input.serverId, { signal });
  const [targets, flavors, nics, disks] = await Promise.all([
    listResizeFlavors(context, server.id, { signal }),
    cachedFlavors(context, signal),
    listServerInterfaces(context, server.id, { signal }),
    attachedVolumeIds(context, server, signal).then(async (volumeIds) => {
      const volumes = await getVolumes(context, volumeIds, { signal });
      return { volumeIds, volumes: new Map(volumes.map((volume) => [volume.id, volume])) };
    }),
  ]);
  return assembleFacts({
    server,
    targets,
    flavors,
    ...disks,
    nicCount: nics.length,
    flavorRef: input.flavorRef,
    confirmations,
    mode,
    autoPay,
    dedicatedHostId,
  });
}
