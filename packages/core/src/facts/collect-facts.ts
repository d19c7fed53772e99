import type { ResizeFacts } from '@ecs-resize/rules';
import * as v from 'valibot';
import type { EcsConnection } from '../connection/create-ecs-connection.js';
import { IdSchema } from '../input/id-schema.js';
import { ModeSchema } from '../input/mode-schema.js';
import { parseInput } from '../input/parse-input.js';
import { requestOptionsEntries, type RequestOptions } from '../input/request-options.js';
import { ServerIdSchema } from '../input/server-id-schema.js';
import { _getServer } from '../operations/get-server.js';
import { _getVolumes } from '../operations/get-volumes.js';
import { _listBlockDevices } from '../operations/list-block-devices.js';
import { _listFlavors } from '../operations/list-flavors.js';
import { _listResizeFlavors } from '../operations/list-resize-flavors.js';
import { _listServerInterfaces } from '../operations/list-server-interfaces.js';
import type { Flavor } from '../schemas/flavor.js';
import type { Server } from '../schemas/server.js';
import { abortable } from '../utils/abortable.js';
import { ConfirmationsSchema } from './confirmations-schema.js';
import { assembleFacts, type Confirmations, type FactsSources, type RequestFacts } from './assemble-facts.js';
import { RequestFactsEntries } from './request-facts-schema.js';

/** Options of `collectFacts`: `autoPay` and `dedicatedHostId` go into the facts as the request's. */
export interface CollectFactsOptions extends RequestOptions, RequestFacts {
  /** Passed into the facts for the driver rules. */
  confirmations?: Confirmations | undefined;
  /** Passed into the facts: `withStopServer` lets a running server pass. */
  mode?: 'withStopServer' | undefined;
}

/** The option entries of what the resize request will carry and the operator attests: `collectFacts`, `check`, `resize`. */
export const FactsOptionsEntries = {
  ...requestOptionsEntries,
  confirmations: v.optional(ConfirmationsSchema),
  mode: ModeSchema,
  ...RequestFactsEntries,
};

const InputSchema = v.object({
  serverId: ServerIdSchema,
  flavorRef: IdSchema,
  options: v.optional(
    v.strictObject(
      FactsOptionsEntries,
      'must be { confirmations?, mode?, autoPay?, dedicatedHostId?, signal? }: check the option names',
    ),
    {},
  ),
});

/**
 * The flavor list of each connection (by its transport, which a client and its connection
 * share), fetched once and shared by every later call (flavors change rarely); a failed fetch
 * is forgotten so that the next call tries again. Held here, not on the connection, so that
 * a connection stays what it says it is.
 */
const flavorLists = new WeakMap<object, Promise<Flavor[]>>();

/** The connection's flavor list, fetched once. */
function cachedFlavors(ecs: EcsConnection, signal: AbortSignal | undefined): Promise<Flavor[]> {
  let pending = flavorLists.get(ecs.transport);
  if (!pending) {
    const fetched = _listFlavors(ecs, {});
    pending = fetched;
    flavorLists.set(ecs.transport, fetched);
    fetched.catch(() => {
      if (flavorLists.get(ecs.transport) === fetched) flavorLists.delete(ecs.transport);
    });
  }
  return abortable(pending, signal);
}

/** The attached volume ids: from the server object, else (absent there) from block_device. */
async function attachedVolumeIds(ecs: EcsConnection, server: Server, signal: AbortSignal | undefined): Promise<string[]> {
  const attached = server['os-extended-volumes:volumes_attached'];
  if (attached) return attached.map((volume) => volume.id);
  return (await _listBlockDevices(ecs, server.id, signal)).map((device) => device.volumeId);
}

/** What the API says of one server that its facts are built from, whatever the target. */
export type ServerSources = Omit<FactsSources, 'flavorRef' | keyof RequestFacts | 'confirmations' | 'mode'>;

/**
 * The look-ups of one server, for any target: the server; then, at the same time, its
 * `resize_flavors` (one request per 1,000 targets, and the empty page that ends marker
 * paging), its NICs (`os-interface`, one), its EVS disks (one per 60), and the flavor list
 * (once per connection, then cached). So 6 requests for the first server of a connection and
 * 5 for each later one (plus `block_device` if the server object lists no volumes).
 * @internal
 */
export async function _collectServerSources(
  ecs: EcsConnection,
  serverId: string,
  signal: AbortSignal | undefined,
): Promise<ServerSources> {
  const server = await _getServer(ecs, serverId, signal);
  const [targets, flavors, nics, disks] = await Promise.all([
    _listResizeFlavors(ecs, server.id, signal),
    cachedFlavors(ecs, signal),
    _listServerInterfaces(ecs, server.id, signal),
    attachedVolumeIds(ecs, server, signal).then(async (volumeIds) => {
      const volumes = await _getVolumes(ecs, volumeIds, signal);
      return { volumeIds, volumes: new Map(volumes.map((volume) => [volume.id, volume])) };
    }),
  ]);
  return { server, targets, flavors, ...disks, nicCount: nics.length };
}

/**
 * {@link collectFacts} of input already validated.
 * @internal
 */
export async function _collectFacts(
  ecs: EcsConnection,
  serverId: string,
  flavorRef: string,
  { signal, ...request }: CollectFactsOptions,
): Promise<ResizeFacts> {
  return assembleFacts({ ...(await _collectServerSources(ecs, serverId, signal)), ...request, flavorRef });
}

/**
 * Builds the facts the resize rules need, from the API (see the requests below). The flavor
 * specs, the zone and the dedicated host come from the answers; `autoPay`,
 * `dedicatedHostId`, `mode` and `confirmations` from the options (the request's side).
 * Requests: the server; then, at the same time, its `resize_flavors` (one per 1,000 targets,
 * and the empty page that ends marker paging), its NICs (`os-interface`, one), its EVS disks
 * (one per 60), and the flavor list (once per connection, then cached). So 6 requests for the
 * first server of a connection and 5 for each later one (plus `block_device` if the server
 * object lists no volumes). Also `client.collectFacts`.
 * @throws {EcsInputError} Before any request, when an argument is invalid.
 */
export async function collectFacts(
  ecs: EcsConnection,
  serverId: string,
  flavorRef: string,
  options?: CollectFactsOptions,
): Promise<ResizeFacts> {
  const input = parseInput('collectFacts', '', InputSchema, { serverId, flavorRef, options });
  return _collectFacts(ecs, input.serverId, input.flavorRef, input.options);
}
