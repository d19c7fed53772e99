import type { ResizeFacts } from '@ecs-resize/rules';
import type { Flavor, ResizeFlavor } from '../schemas/flavor.js';
import type { Server } from '../schemas/server.js';
import type { Volume } from '../schemas/volume.js';
import { flavorFacts, type FlavorSource } from './flavor-facts.js';
import { diskFacts, serverStateFacts } from './server-facts.js';

/**
 * What the operator attests, because the API cannot tell: a boolean per key. The keys are
 * the rules' (`meta.confirmation.key`); a plugin's own keys pass through.
 */
export interface Confirmations {
  /** Xen → KVM: the KVM guest drivers are installed. */
  xenToKvmDrivers?: boolean | undefined;
  /** S1/C1/C2/M1 → H1: the H1 driver is installed. */
  h1Drivers?: boolean | undefined;
  /** A plugin rule's confirmation. */
  [key: string]: boolean | undefined;
}

/** What the resize request will carry that the rules look at (`resize` passes its own). */
export interface RequestFacts {
  /** `extendparam.isAutoPay` (v1.1): whether the order of a yearly/monthly server is paid at once. */
  autoPay?: boolean | undefined;
  /** `dedicated_host_id`: the dedicated host to resize on. */
  dedicatedHostId?: string | undefined;
}

/** Everything the API said that the facts of one resize are built from. */
export interface FactsSources extends RequestFacts {
  server: Server;
  /** How many NICs the server has (`os-interface`); undefined when not looked up. */
  nicCount?: number | undefined;
  /** The ids of the volumes attached to the server. */
  volumeIds: readonly string[];
  /** The EVS disks, by id (it may hold more than the server's). */
  volumes: ReadonlyMap<string, Volume>;
  /** The flavors `resize_flavors` lists for the server (or its flavor). */
  targets: readonly ResizeFlavor[];
  /** The flavor list. */
  flavors: readonly Flavor[];
  flavorRef: string;
  confirmations?: Confirmations | undefined;
  mode?: 'withStopServer' | undefined;
}

/** What the listings say of one flavor: `resize_flavors` first (it is for this server), then the flavor list. */
function sourceOf(
  id: string,
  targets: readonly ResizeFlavor[],
  flavors: readonly Flavor[],
  fallback: FlavorSource = {},
): FlavorSource {
  const target = targets.find((flavor) => flavor.id === id);
  if (target) return { vcpus: target.vcpus, ram: target.ram, specs: target.extra_specs ?? {} };
  const flavor = flavors.find((item) => item.id === id);
  if (flavor) return { vcpus: flavor.vcpus, ram: flavor.ram, specs: flavor.os_extra_specs ?? {} };
  return fallback;
}

/**
 * Builds the facts of one resize from what the API said; pure, so that one server
 * (`collectFacts`) and a fleet (`planFleet`, from shared look-ups) get the same facts.
 * @internal
 */
export function assembleFacts(sources: FactsSources): ResizeFacts {
  const { server, targets, flavors, flavorRef, confirmations, mode, nicCount, autoPay, dedicatedHostId } = sources;
  const zone = server['OS-EXT-AZ:availability_zone'];
  const current = { vcpus: server.flavor.vcpus, ram: server.flavor.ram };
  const target = sourceOf(flavorRef, targets, flavors);
  return {
    server: {
      ...serverStateFacts(server),
      ...(nicCount === undefined ? {} : { nicCount }),
      flavor: flavorFacts(server.flavor.id, sourceOf(server.flavor.id, [], flavors, current), zone),
      disks: diskFacts(sources.volumeIds, sources.volumes),
    },
    // No listing has the target: the region has no such flavor. UNCONFIRMED that the flavor
    // list names abandoned flavors too; either way such a target is not in resize_flavors, so
    // target-allowed blocks it, and the facts only choose its words.
    target: { ...flavorFacts(flavorRef, target, zone), ...(target.specs === undefined ? { exists: false } : {}) },
    allowedTargets: targets.map((flavor) => flavor.id),
    ...(mode ? { mode } : {}),
    ...(confirmations ? { confirmations } : {}),
    ...(autoPay === undefined ? {} : { autoPay }),
    ...(dedicatedHostId === undefined ? {} : { dedicatedHostId }),
  };
}
