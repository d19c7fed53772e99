/**
 * The emulator's data model: what `EmulatorData` seeds and `EmulatorState` exposes. Field names
 * are the emulator's own (camelCase); the routes render them in the API's JSON shape.
 */

/** A flavor. `extraSpecs` holds the API's extra specs verbatim (all values are strings). */
export interface EmulatorFlavor {
  /** Flavor id, e.g. `s3.large.2`. */
  id: string;
  /** Flavor name (the same as the id on ECS). */
  name: string;
  /** Number of vCPUs. */
  vcpus: number;
  /** Memory in MiB. */
  ram: number;
  /**
   * Extra specs, e.g. `ecs:virtualization_env_types` (`FusionCompute` = Xen, `CloudCompute` = KVM),
   * `ecs:generation`, `ecs:performancetype`, `ecs:instance_architecture` (`arm64`), `resource_type`,
   * `quota:vif_max_num`, `quota:local_disk`, `cond:operation:status`, `cond:operation:az`.
   */
  extraSpecs: Record<string, string>;
  /** Ids of the flavors `resize_flavors` lists for this flavor as the source, in any order. */
  resizeTo: string[];
}

/** Drivers installed in a server's guest OS: not visible through the API, decisive for some resizes. */
export interface ServerDrivers {
  /** xen-pv and virtio drivers: needed to change a Xen server to KVM. */
  xenToKvm: boolean;
  /** The driver needed to change an S1/C1/C2/M1 server to H1. */
  h1: boolean;
}

/** One volume attached to a server, in attachment order (the system disk first). */
export interface EmulatorAttachment {
  /** Id of the attached volume (an `EmulatorVolume`). */
  volumeId: string;
  /** Device name, e.g. `/dev/vda`. */
  device: string;
  /** 0 for the system disk, -1 for data disks. */
  bootIndex: number;
  /**
   * `bus` in `block_device`. By default it follows the volume's `hw:passthrough` metadata
   * (`"true"` = `scsi`, else `virtio`); set it to make the two disagree.
   */
  bus?: 'virtio' | 'scsi';
}

/** A NIC of a server, as `os-interface` lists it. */
export interface EmulatorNic {
  /** `port_id` (UUID). */
  portId: string;
  /** `net_id`: the subnet's network (UUID). */
  netId: string;
  /** `mac_addr`. */
  macAddress: string;
  /** `fixed_ips[0].ip_address`. */
  ipAddress: string;
}

/** A server. */
export interface EmulatorServer {
  /** Server id (UUID). */
  id: string;
  /** Server name. */
  name: string;
  /** `status`, e.g. `SHUTOFF`, `ACTIVE`, `RESIZE`. */
  status: string;
  /** `OS-EXT-STS:vm_state`, e.g. `stopped`, `active`. */
  vmState: string;
  /** `OS-EXT-STS:task_state`, e.g. `powering-on`; null when none. */
  taskState: string | null;
  /** `OS-EXT-STS:power_state`: 1 running, 4 shut down. */
  powerState: number;
  /** `locked`. */
  locked: boolean;
  /** Id of the current flavor. */
  flavorId: string;
  /** `OS-EXT-AZ:availability_zone`. */
  availabilityZone: string;
  /**
   * `metadata`, e.g. `charging_mode` ("0" pay-per-use, "1" yearly/monthly, "2" spot), `EcmResStatus`
   * ("normal" / "freeze"), `os_type`, `image_name`, `vpc_id`. `metering.resourcespeccode` is always
   * rendered from `flavorId`.
   */
  metadata: Record<string, string>;
  /** Attached volumes, the system disk first. */
  attachments: EmulatorAttachment[];
  /** Its NICs (`os-interface`), the primary one first. */
  nics: EmulatorNic[];
  /**
   * The dedicated host (DeH) it runs on (`os:scheduler_hints.dedicated_host_id`), or null on
   * shared hosts. A resize of a server on a DeH must name a host (`Ecs.0803`).
   */
  dedicatedHostId: string | null;
  /** Drivers installed in the guest (state only, never in the API's JSON). */
  drivers: ServerDrivers;
  /** `created` (ISO 8601). */
  created: string;
  /** `updated` (ISO 8601); jobs move it forward. */
  updated: string;
}

/** An EVS volume (disk). */
export interface EmulatorVolume {
  /** Volume id (UUID). */
  id: string;
  /** Volume name. */
  name: string;
  /** EVS status, e.g. `in-use`, `extending`. */
  status: string;
  /** Size in GiB. */
  size: number;
  /** `volume_type`, e.g. `SSD`, `SAS`. */
  volumeType: string;
  /** Whether it is a boot (system) disk. */
  bootable: boolean;
  /** `multiattach` (shared disk). */
  multiattach: boolean;
  /** `metadata`; `"hw:passthrough": "true"` makes the disk SCSI, absent or `"false"` VBD. */
  metadata: Record<string, string>;
  /** `availability_zone`. */
  availabilityZone: string;
  /** `created_at` (ISO 8601). */
  created: string;
}

/** A complete dataset: what `startEmulator({ data })` serves. */
export interface EmulatorData {
  /** All flavors. */
  flavors: EmulatorFlavor[];
  /** All servers. */
  servers: EmulatorServer[];
  /** All volumes (every attachment must name one of them). */
  volumes: EmulatorVolume[];
}

/** Throws a clear error when `data` is inconsistent (duplicate ids, dangling references). */
export function validateData(data: EmulatorData): void {
  const flavorIds = uniqueIds('flavor', data.flavors);
  const volumeIds = uniqueIds('volume', data.volumes);
  uniqueIds('server', data.servers);
  for (const flavor of data.flavors) {
    for (const target of flavor.resizeTo) {
      if (!flavorIds.has(target)) throw new Error(`Flavor ${flavor.id} lists an unknown resize target ${target}.`);
    }
  }
  for (const server of data.servers) {
    if (!flavorIds.has(server.flavorId)) throw new Error(`Server ${server.id} has an unknown flavor ${server.flavorId}.`);
    for (const { volumeId } of server.attachments) {
      if (!volumeIds.has(volumeId)) throw new Error(`Server ${server.id} attaches an unknown volume ${volumeId}.`);
    }
  }
}

function uniqueIds(kind: string, items: readonly { id: string }[]): Set<string> {
  const ids = new Set<string>();
  for (const { id } of items) {
    if (typeof id !== 'string' || id === '') throw new Error(`Every ${kind} needs a non-empty string id.`);
    if (ids.has(id)) throw new Error(`Duplicate ${kind} id ${id}.`);
    ids.add(id);
  }
  return ids;
}

/** Whether a volume is SCSI: EVS metadata `hw:passthrough` is `"true"` (absent or anything else is VBD). */
export function isScsi(volume: EmulatorVolume): boolean {
  return volume.metadata['hw:passthrough'] === 'true';
}
