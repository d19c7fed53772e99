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
];

/**
 * The Xen flavor KVM sources also list, so that KVM → Xen is accepted by the API and fails in
 * the job. UNCONFIRMED whether the real list for a KVM source contains Xen flavors at all.
 */
const XEN_TARGET_OF_KVM = 's1.large';

/**
 * The default flavors. `resize_flavors` lists, for a Xen source, the other flavors of its
 * generation, the H1 flavors (unless it is H1) and every KVM flavor; for a KVM source, the
 * other KVM flavors plus one Xen flavor. Abandoned flavors are listed nowhere.
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
        'cond:operation:status': spec.status ?? 'normal',
        ...(spec.az === undefined ? {} : { 'cond:operation:az': spec.az }),
      },
      resizeTo: targets.filter((id) => id !== spec.id),
    };
  });
}
