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
import type { Flavor } from '../schemas/flavor.js';
import type { Server } from '../schemas/server.js';
import { abortable } from '../utils/abortable.js';
import { assembleFacts, type Confirmations } from './assemble-facts.js';

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

/**
 * Builds the facts the resize rules need, from the API. Requests: the server; then, at the
 * same time, its `resize_flavors` (one per 1,000 targets, and the empty page that ends marker
 * paging), its EVS disks (one per 60), and the flavor list (once per client, then cached). So
 * 5 requests for the first server of a client and 4 for each later one (plus `block_device` if
 * the server object lists no volumes).
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
    attachedVolumeIds(context, server, signal).then(async (volumeIds) => {
      const volumes = await getVolumes(context, volumeIds, { signal });
      return { volumeIds, volumes: new Map(volumes.map((volume) => [volume.id, volume])) };
    }),
  ]);
  return assembleFacts({ server, targets, flavors, ...disks, flavorRef: input.flavorRef, confirmations, mode });
}
