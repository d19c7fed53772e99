import type { EmulatorFlavor } from '../model.js';

interface FlavorSpec {
  readonly id: string;
  readonly vcpus: number;
  readonly ramGiB: number;
  readonly generation: string;
  readonly performancetype: string;
  readonly virtualization: 'FusionCompute' | 'CloudCompute';
  /** `cond:operation:status` (region-wide sale status). */
  readonly status?: 'abandon' | 'sellout';
  /** `cond:operation:az` (per-AZ sale status). */
  readonly az?: string;
  /** `ecs:instance_architecture`, set on Arm (Kunpeng) flavors only. */
  readonly architecture?: 'arm64';
  /** `quota:local_disk`, set on flavors with local disks only. */
  readonly localDisk?: string;
}

/**
 * `quota:vif_max_num`: the most NICs, growing with the vCPUs (2 up to 2 vCPUs, 3 with 4, 4 with
 * 8, 6 beyond). Made up in the shape of the docs' tables; the real limits differ per flavor.
 */
function maxNicsFor(vcpus: number): number {
  if (vcpus <= 2) return 2;
  if (vcpus <= 4) return 3;
  return vcpus <= 8 ? 4 : 6;
}

const XEN = 'FusionCompute';
const KVM = 'CloudCompute';

const SPECS: readonly FlavorSpec[] = [
  { id: 's1.medium', vcpus: 1, ramGiB: 4, generation: 's1', performancetype: 'normal', virtualization: XEN },
  { id: 's1.large', vcpus: 2, ramGiB: 8, generation: 's1', performancetype: 'normal', virtualization: XEN },
  { id: 's1.xlarge', vcpus: 4, ramGiB: 16, generation: 's1', performancetype: 'normal', virtualization: XEN },
  { id: 'c1.large', vcpus: 2, ramGiB: 4, generation: 'c1', performancetype: 'cpuv1', virtualization: XEN },
  { id: 'c2.large', vcpus: 2, ramGiB: 4, generation: 'c2', performancetype: 'cpuv2', virtualization: XEN },
  { id: 'm1.large', vcpus: 2, ramGiB: 16, generation: 'm1', performancetype: 'highmem', virtualization: XEN, status: 'abandon' },
  // H1 ran on Xen on OTC.
  { id: 'h1.large.2', vcpus: 2, ramGiB: 4, generation: 'h1', performancetype: 'highcpu', virtualization: XEN },
  { id: 'h1.xlarge.2', vcpus: 4, ramGiB: 8, generation: 'h1', performancetype: 'highcpu', virtualization: XEN },
  { id: 's3.large.2', vcpus: 2, ramGiB: 4, generation: 's3', performancetype: 'normal', virtualization: KVM },
  { id: 's3.xlarge.2', vcpus: 4, ramGiB: 8, generation: 's3', performancetype: 'normal', virtualization: KVM },
  { id: 's3.2xlarge.2', vcpus: 8, ramGiB: 16, generation: 's3', performancetype: 'normal', virtualization: KVM },
  { id: 'c6.large.2', vcpus: 2, ramGiB: 4, generation: 'c6', performancetype: 'computingv3', virtualization: KVM },
  {
    id: 'c6.xlarge.2',
    vcpus: 4,
    ramGiB: 8,
    generation: 'c6',
    performancetype: 'computingv3',
    virtualization: KVM,
    az: 'eu-de-01(normal), eu-de-02(sellout)',
  },
  {
    id: 'c6.2xlarge.2',
    vcpus: 8,
    ramGiB: 16,
    generation: 'c6',
    performancetype: 'computingv3',
    virtualization: KVM,
    status: 'sellout',
  },
  // Disk-intensive, with local disks: cannot change flavor (resizable-source).
  {
    id: 'd2.xlarge.8',
    vcpus: 4,
    ramGiB: 32,
    generation: 'd2',
    performancetype: 'diskintensive',
    virtualization: KVM,
    localDisk: 'SATA:2:1800',
  },
  // H2 cannot change flavor (Ecs.0806).
  { id: 'h2.3xlarge.10', vcpus: 16, ramGiB: 128, generation: 'h2', performancetype: 'highcpu', virtualization: KVM },
  // GPU: changes only within G6 (Ecs.0805).
  { id: 'g6.xlarge.4', vcpus: 4, ramGiB: 16, generation: 'g6', performancetype: 'gpu', virtualization: KVM },
  { id: 'g6.2xlarge.4', vcpus: 8, ramGiB: 32, generation: 'g6', performancetype: 'gpu', virtualization: KVM },
  // Arm (Kunpeng): x86 ↔ Arm fails.
  {
    id: 'kc1.large.2',
    vcpus: 2,
    ramGiB: 4,
    generation: 'kc1',
    performancetype: 'kunpeng_computing',
    virtualization: KVM,
    architecture: 'arm64',
  },
  {
    id: 'kc1.xlarge.2',
    vcpus: 4,
    ramGiB: 8,
    generation: 'kc1',
    performancetype: 'kunpeng_computing',
    virtualization: KVM,
    architecture: 'arm64',
  },
];

/**
 * The Xen flavor KVM sources also list, so that KVM → Xen is accepted by the API and fails in
 * the job. UNCONFIRMED whether the real list for a KVM source contains Xen flavors at all.
 */
const XEN_TARGET_OF_KVM = 's1.large';

/**
 * The default flavors. `resize_flavors` lists, for a Xen source, the other flavors of its
 * generation, the H1 flavors (unless it is H1) and every KVM flavor; for a KVM source, the
 * other KVM flavors plus one Xen flavor. Abandoned flavors are listed nowhere. So the lists
 * also hold what fails in the job: another family for GPU, x86 ↔ Arm, and any target of a
 * flavor that cannot change (UNCONFIRMED whether the real lists hold those).
 */
export function defaultFlavors(): EmulatorFlavor[] {
  const listed = SPECS.filter((spec) => spec.status !== 'abandon');
  const ids = (keep: (spec: FlavorSpec) => boolean): string[] => listed.filter(keep).map((spec) => spec.id);
  const kvm = ids((spec) => spec.virtualization === KVM);
  return SPECS.map((spec) => {
    const targets =
      spec.virtualization === KVM
        ? [...kvm, XEN_TARGET_OF_KVM]
        : [...ids((other) => other.generation === spec.generation || other.generation === 'h1'), ...kvm];
    return {
      id: spec.id,
      name: spec.id,
      vcpus: spec.vcpus,
      ram: spec.ramGiB * 1024,
      extraSpecs: {
        'ecs:performancetype': spec.performancetype,
        'ecs:generation': spec.generation,
        'ecs:virtualization_env_types': spec.virtualization,
        resource_type: `IOoptimized${spec.generation.toUpperCase()}`,
        'quota:vif_max_num': String(maxNicsFor(spec.vcpus)),
        'cond:operation:status': spec.status ?? 'normal',
        ...(spec.az === undefined ? {} : { 'cond:operation:az': spec.az }),
        ...(spec.architecture === undefined ? {} : { 'ecs:instance_architecture': spec.architecture }),
        ...(spec.localDisk === undefined ? {} : { 'quota:local_disk': spec.localDisk }),
      },
      resizeTo: targets.filter((id) => id !== spec.id),
    };
  });
}
