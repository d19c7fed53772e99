import { uuidFrom } from '../ids.js';
import type { EmulatorData, EmulatorServer, EmulatorVolume, ServerDrivers } from '../model.js';
import { RUNNING, STOPPED, type PowerStatus } from '../server-states.js';
import { isoSeconds } from '../time.js';
import { defaultFlavors } from './flavors.js';

/** Ids of the seeded servers, by what makes each one interesting. */
export const SERVERS = {
  /** Xen s1.medium, stopped, no drivers installed: Xen → KVM and → H1 fail in the job. */
  xenStopped: '6f1b3c2a-0d4e-4b7a-9c11-2a5e8f000001',
  /** Xen s1.large, running. */
  xenRunning: '6f1b3c2a-0d4e-4b7a-9c11-2a5e8f000002',
  /** Xen c1.large, stopped, drivers installed for KVM and H1: those resizes succeed. */
  xenDrivers: '6f1b3c2a-0d4e-4b7a-9c11-2a5e8f000003',
  /** Xen s1.xlarge, stopped, drivers installed, exactly 24 VBD disks (system + 23 data) plus 2 SCSI: → KVM succeeds. */
  xen24Vbd: '6f1b3c2a-0d4e-4b7a-9c11-2a5e8f000004',
  /** Xen s1.xlarge, stopped, drivers installed, 25 VBD disks: → KVM fails in the job. */
  xen25Vbd: '6f1b3c2a-0d4e-4b7a-9c11-2a5e8f000005',
  /** KVM s3.large.2, stopped: → Xen fails in the job. */
  kvmStopped: '6f1b3c2a-0d4e-4b7a-9c11-2a5e8f000006',
  /** KVM s3.large.2, running. */
  kvmRunning: '6f1b3c2a-0d4e-4b7a-9c11-2a5e8f000007',
  /** KVM c6.large.2, stopped, with two SCSI data disks (`hw:passthrough` "true") and one VBD. */
  kvmScsi: '6f1b3c2a-0d4e-4b7a-9c11-2a5e8f000008',
  /** KVM s3.large.2, stopped, frozen (`EcmResStatus` "freeze"). */
  frozen: '6f1b3c2a-0d4e-4b7a-9c11-2a5e8f000009',
  /** KVM s3.large.2, stopped, locked. */
  locked: '6f1b3c2a-0d4e-4b7a-9c11-2a5e8f000010',
  /** KVM s3.large.2, SHUTOFF but starting (task_state `powering-on`). */
  poweringOn: '6f1b3c2a-0d4e-4b7a-9c11-2a5e8f000011',
  /** KVM s3.large.2, stopped, spot (`charging_mode` "2"). */
  spot: '6f1b3c2a-0d4e-4b7a-9c11-2a5e8f000012',
  /** KVM s3.large.2, stopped, yearly/monthly (`charging_mode` "1"). */
  prepaid: '6f1b3c2a-0d4e-4b7a-9c11-2a5e8f000013',
  /** KVM s3.large.2, stopped, with a data disk in EVS status `extending`. */
  diskExtending: '6f1b3c2a-0d4e-4b7a-9c11-2a5e8f000014',
  /** KVM s3.2xlarge.2, stopped, with 4 NICs: flavors allowing fewer (`quota:vif_max_num`) refuse it (`Ecs.0807`). */
  nicHeavy: '6f1b3c2a-0d4e-4b7a-9c11-2a5e8f000015',
  /** KVM d2.xlarge.8 (local disks), stopped: cannot change flavor (`Ecs.0806` in the job). */
  diskIntensive: '6f1b3c2a-0d4e-4b7a-9c11-2a5e8f000016',
  /** KVM h2.3xlarge.10, stopped: H2 cannot change flavor (`Ecs.0806` in the job). */
  h2: '6f1b3c2a-0d4e-4b7a-9c11-2a5e8f000017',
  /** KVM g6.xlarge.4 (GPU), stopped: changes only within G6 (`Ecs.0805` in the job). */
  gpu: '6f1b3c2a-0d4e-4b7a-9c11-2a5e8f000018',
  /** KVM kc1.large.2 (Arm, Kunpeng), stopped: x86 targets fail in the job. */
  arm: '6f1b3c2a-0d4e-4b7a-9c11-2a5e8f000019',
  /** KVM s3.large.2, stopped, on dedicated host {@link DEDICATED_HOST_ID}: a resize must name a host (`Ecs.0803`). */
  dedicatedHost: '6f1b3c2a-0d4e-4b7a-9c11-2a5e8f000020',
} as const;

/** The dedicated host (DeH) that the `dedicatedHost` server runs on. */
export const DEDICATED_HOST_ID = '459a2b9d-804a-4745-ab19-a113bb1b4ddc';

/** The availability zone of the seeded servers and volumes. */
const AZ = 'eu-de-01';
const VPC_ID = '3b7c9a1e-52d4-4f6a-8e0b-1c2d3e4f5a6b';
const IMAGE_ID = 'a1f0c6de-7b3e-4d89-9f2a-5c4b3a291807';

interface DiskSpec {
  readonly size: number;
  readonly scsi?: boolean;
  readonly status?: string;
}

interface ServerSpec {
  readonly id: string;
  readonly name: string;
  readonly flavorId: string;
  readonly power: PowerStatus;
  /** Data disks (the 40 GiB VBD system disk is always added first). */
  readonly dataDisks: readonly DiskSpec[];
  readonly drivers: ServerDrivers;
  readonly locked?: boolean;
  readonly metadata?: Readonly<Record<string, string>>;
  /** How many NICs (default 1). */
  readonly nicCount?: number;
  /** The dedicated host it runs on (default none). */
  readonly dedicatedHostId?: string;
}

const NO_DRIVERS: ServerDrivers = { xenToKvm: false, h1: false };
const ALL_DRIVERS: ServerDrivers = { xenToKvm: true, h1: true };
const vbd = (count: number): DiskSpec[] => Array.from({ length: count }, () => ({ size: 100 }));
const scsi = (count: number): DiskSpec[] => Array.from({ length: count }, () => ({ size: 200, scsi: true }));
const kvm = (id: string, name: string, extra: Partial<ServerSpec> = {}): ServerSpec => ({
  id,
  name,
  flavorId: 's3.large.2',
  power: STOPPED,
  dataDisks: vbd(1),
  drivers: ALL_DRIVERS,
  ...extra,
});

const SERVER_SPECS: readonly ServerSpec[] = [
  {
    id: SERVERS.xenStopped,
    name: 'xen-s1-stopped-no-drivers',
    flavorId: 's1.medium',
    power: STOPPED,
    dataDisks: vbd(1),
    drivers: NO_DRIVERS,
  },
  {
    id: SERVERS.xenRunning,
    name: 'xen-s1-running',
    flavorId: 's1.large',
    power: RUNNING,
    dataDisks: vbd(1),
    drivers: NO_DRIVERS,
  },
  {
    id: SERVERS.xenDrivers,
    name: 'xen-c1-stopped-drivers',
    flavorId: 'c1.large',
    power: STOPPED,
    dataDisks: vbd(1),
    drivers: ALL_DRIVERS,
  },
  {
    id: SERVERS.xen24Vbd,
    name: 'xen-s1-24-vbd-2-scsi',
    flavorId: 's1.xlarge',
    power: STOPPED,
    dataDisks: [...vbd(23), ...scsi(2)],
    drivers: ALL_DRIVERS,
  },
  {
    id: SERVERS.xen25Vbd,
    name: 'xen-s1-25-vbd',
    flavorId: 's1.xlarge',
    power: STOPPED,
    dataDisks: vbd(24),
    drivers: ALL_DRIVERS,
  },
  kvm(SERVERS.kvmStopped, 'kvm-s3-stopped'),
  kvm(SERVERS.kvmRunning, 'kvm-s3-running', { power: RUNNING }),
  kvm(SERVERS.kvmScsi, 'kvm-c6-scsi-disks', { flavorId: 'c6.large.2', dataDisks: [...scsi(2), ...vbd(1)] }),
  kvm(SERVERS.frozen, 'kvm-frozen', { metadata: { EcmResStatus: 'freeze' } }),
  kvm(SERVERS.locked, 'kvm-locked', { locked: true }),
  kvm(SERVERS.poweringOn, 'kvm-powering-on', { power: { ...STOPPED, taskState: 'powering-on' } }),
  kvm(SERVERS.spot, 'kvm-spot', { metadata: { charging_mode: '2' } }),
  kvm(SERVERS.prepaid, 'kvm-yearly-monthly', { metadata: { charging_mode: '1', 'metering.order_id': 'CS2403010930ABCDE' } }),
  kvm(SERVERS.diskExtending, 'kvm-disk-extending', { dataDisks: [{ size: 100, status: 'extending' }] }),
  kvm(SERVERS.nicHeavy, 'kvm-s3-4-nics', { flavorId: 's3.2xlarge.2', nicCount: 4 }),
  kvm(SERVERS.diskIntensive, 'kvm-d2-local-disks', { flavorId: 'd2.xlarge.8' }),
  kvm(SERVERS.h2, 'kvm-h2', { flavorId: 'h2.3xlarge.10' }),
  kvm(SERVERS.gpu, 'kvm-g6-gpu', { flavorId: 'g6.xlarge.4' }),
  kvm(SERVERS.arm, 'kvm-kc1-arm', { flavorId: 'kc1.large.2' }),
  kvm(SERVERS.dedicatedHost, 'kvm-s3-dedicated-host', { dedicatedHostId: DEDICATED_HOST_ID }),
];

/**
 * A fresh copy of the default dataset: the flavors of `defaultFlavors()` and the servers of
 * `SERVERS`, each with its system disk and data disks in the EVS data.
 */
export function defaultData(): EmulatorData {
  const volumes: EmulatorVolume[] = [];
  const servers = SERVER_SPECS.map((spec, index) => buildServer(spec, Date.UTC(2024, 2, 1 + index, 9), volumes));
  return { flavors: defaultFlavors(), servers, volumes };
}

/** Builds a server and appends its volumes to `volumes`. */
function buildServer(spec: ServerSpec, createdMs: number, volumes: EmulatorVolume[]): EmulatorServer {
  const created = isoSeconds(createdMs);
  const disks: DiskSpec[] = [{ size: 40 }, ...spec.dataDisks];
  const letters = { vd: 0, sd: 0 };
  const attachments = disks.map((disk, index) => {
    const prefix = disk.scsi === true ? 'sd' : 'vd';
    const device = `/dev/${prefix}${String.fromCharCode(97 + letters[prefix]++)}`;
    const volumeId = uuidFrom(`${spec.id}/disk/${index}`);
    volumes.push({
      id: volumeId,
      name: index === 0 ? `${spec.name}-system` : `${spec.name}-data-${index}`,
      status: disk.status ?? 'in-use',
      size: disk.size,
      volumeType: index === 0 ? 'SSD' : 'SAS',
      bootable: index === 0,
      multiattach: false,
      metadata: disk.scsi === true ? { 'hw:passthrough': 'true' } : {},
      availabilityZone: AZ,
      created,
    });
    return { volumeId, device, bootIndex: index === 0 ? 0 : -1 };
  });
  const nics = Array.from({ length: spec.nicCount ?? 1 }, (_, index) => {
    const portId = uuidFrom(`${spec.id}/nic/${index}`);
    return {
      portId,
      netId: uuidFrom(`subnet/${index}`),
      macAddress: `fa:16:3e:${portId.slice(0, 2)}:${portId.slice(2, 4)}:${portId.slice(4, 6)}`,
      ipAddress: `192.168.${index}.${2 + (parseInt(portId.slice(0, 2), 16) % 250)}`,
    };
  });
  return {
    id: spec.id,
    name: spec.name,
    ...spec.power,
    locked: spec.locked ?? false,
    flavorId: spec.flavorId,
    availabilityZone: AZ,
    metadata: {
      charging_mode: '0',
      EcmResStatus: 'normal',
      os_type: 'Linux',
      os_bit: '64',
      image_name: 'Standard_Ubuntu_22.04_latest',
      'metering.image_id': IMAGE_ID,
      'metering.imagetype': 'gold',
      'metering.resourcetype': '1',
      'metering.cloudServiceType': 'hws.service.type.ec2',
      vpc_id: VPC_ID,
      ...spec.metadata,
    },
    attachments,
    nics,
    dedicatedHostId: spec.dedicatedHostId ?? null,
    drivers: { ...spec.drivers },
    created,
    updated: created,
  };
}

/**
 * The kinds of server a fleet repeats: the first 14 seeded ones (those before the NIC, local
 * disk, H2, GPU, Arm and dedicated-host servers), so that fleets, and the fleet tests and
 * benchmarks built on them, stay the same as the seed grows.
 */
export const FLEET_KINDS = 14;

/**
 * A dataset of `count` servers, for fleet tests and benchmarks: the first {@link FLEET_KINDS}
 * default servers repeated in order (the 15th is like the 1st: same flavor, state, disks and
 * drivers), each with ids, a name and disks of its own, and the default flavors.
 */
export function fleetData(count: number): EmulatorData {
  const volumes: EmulatorVolume[] = [];
  const servers = Array.from({ length: count }, (_, index) => {
    const spec = SERVER_SPECS[index % FLEET_KINDS]!;
    const copy = { ...spec, id: uuidFrom(`fleet/${index}`), name: `${spec.name}-${index}` };
    return buildServer(copy, Date.UTC(2024, 2, 1, 9) + index * 60_000, volumes);
  });
  return { flavors: defaultFlavors(), servers, volumes };
}
