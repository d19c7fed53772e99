import type { EmulatorFlavor } from './model.js';

/** Virtualization of a flavor, from `ecs:virtualization_env_types`; undefined when absent or unknown. */
export function virtualizationOf(flavor: EmulatorFlavor): 'xen' | 'kvm' | undefined {
  switch (flavor.extraSpecs['ecs:virtualization_env_types']) {
    case 'FusionCompute':
      return 'xen';
    case 'CloudCompute':
      return 'kvm';
    default:
      return undefined;
  }
}

/** The flavor's `ecs:generation`, e.g. `s1`, `h1`, `s3`. */
export function generationOf(flavor: EmulatorFlavor): string | undefined {
  return flavor.extraSpecs['ecs:generation'];
}

/** The flavor's performance type: `ecs:performancetype`, else the older `hws:performancetype`. */
export function performanceTypeOf(flavor: EmulatorFlavor): string | undefined {
  return flavor.extraSpecs['ecs:performancetype'] ?? flavor.extraSpecs['hws:performancetype'];
}

/** The flavor's CPU architecture: `ecs:instance_architecture` `arm64` is Arm (Kunpeng), anything else x86. */
export function architectureOf(flavor: EmulatorFlavor): 'arm' | 'x86' {
  return flavor.extraSpecs['ecs:instance_architecture'] === 'arm64' ? 'arm' : 'x86';
}

/** Whether the flavor comes with local disks (`quota:local_disk` or `quota:nvme_ssd`). */
export function hasLocalDisks(flavor: EmulatorFlavor): boolean {
  return Object.hasOwn(flavor.extraSpecs, 'quota:local_disk') || Object.hasOwn(flavor.extraSpecs, 'quota:nvme_ssd');
}

/** The most NICs a server of the flavor may have (`quota:vif_max_num`); undefined when unset. */
export function maxNicsOf(flavor: EmulatorFlavor): number | undefined {
  const value = flavor.extraSpecs['quota:vif_max_num'];
  return value === undefined || !/^\d+$/.test(value) ? undefined : Number(value);
}

/**
 * Sale status of a flavor in an availability zone (ecs-api.md §4.5): the AZ's entry in
 * `cond:operation:az` ("az0(normal), az1(sellout)") wins, else `cond:operation:status`, else `normal`.
 */
export function saleStatusOf(flavor: EmulatorFlavor, availabilityZone: string): string {
  const perAz = flavor.extraSpecs['cond:operation:az'] ?? '';
  for (const entry of perAz.split(',')) {
    const match = /^\s*([^()\s]+)\s*\(\s*([^()\s]+)\s*\)\s*$/.exec(entry);
    if (match?.[1] === availabilityZone && match[2] !== undefined) return match[2];
  }
  return flavor.extraSpecs['cond:operation:status'] ?? 'normal';
}
