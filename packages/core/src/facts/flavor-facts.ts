import type { FlavorFacts } from '@ecs-resize/rules';

/** `ecs:virtualization_env_types` values (ecs-api.md §4.4). */
const VIRTUALIZATION: Readonly<Record<string, FlavorFacts['virtualization']>> = {
  FusionCompute: 'xen',
  CloudCompute: 'kvm',
};

/** A number from the API's string-or-number fields, or undefined when it is not one. */
function toNumber(value: string | number | undefined): number | undefined {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
}

/**
 * The sale status of a flavor in an availability zone: the zone's entry of
 * `cond:operation:az` ("az0(normal), az1(sellout)"), else `cond:operation:status`, else
 * `normal` ("if this parameter is not set, the meaning of normal applies", ecs-api.md §4.5).
 * @internal
 */
export function saleStatusIn(specs: Readonly<Record<string, string>>, zone: string | undefined): string {
  const perZone = specs['cond:operation:az']
    ?.split(',')
    .map((entry) => /^\s*([^()\s]+)\s*\(\s*([\w-]+)\s*\)\s*$/.exec(entry))
    .find((match) => match?.[1] === zone)?.[2];
  return perZone ?? specs['cond:operation:status'] ?? 'normal';
}

/** What the API says of a flavor, from whichever listing had it. */
export interface FlavorSource {
  vcpus?: string | number | undefined;
  ram?: string | number | undefined;
  /** Its extra specs; undefined when no listing had the flavor, so its specs are unknown. */
  specs?: Readonly<Record<string, string>> | undefined;
}

/** The extra specs that say a flavor comes with local disks (ecs-api.md §11). */
const LOCAL_DISK_SPECS = ['quota:local_disk', 'quota:nvme_ssd'];

/**
 * What the extra specs say of the hardware: the architecture (`ecs:instance_architecture`
 * `arm64` is Arm, anything else or nothing x86), the performance type (`ecs:performancetype`,
 * older flavors `hws:performancetype`), local disks (a `quota:local_disk` or `quota:nvme_ssd`
 * spec) and the most NICs (`quota:vif_max_num`).
 */
function hardwareFacts(specs: Readonly<Record<string, string>>): Partial<FlavorFacts> {
  const performanceType = specs['ecs:performancetype'] ?? specs['hws:performancetype'];
  const maxNics = toNumber(specs['quota:vif_max_num']);
  return {
    architecture: specs['ecs:instance_architecture'] === 'arm64' ? 'arm' : 'x86',
    ...(performanceType ? { performanceType } : {}),
    localDisks: LOCAL_DISK_SPECS.some((key) => Object.hasOwn(specs, key)),
    ...(maxNics !== undefined && Number.isInteger(maxNics) && maxNics >= 0 ? { maxNics } : {}),
  };
}

/**
 * Normalises a flavor into facts: virtualization from `ecs:virtualization_env_types`,
 * generation from `ecs:generation`, vCPUs and RAM (MiB) as numbers, the sale status for the
 * server's zone, and the hardware facts of its extra specs. What the API did not say stays
 * absent, so that the rules know it is unknown.
 */
export function flavorFacts(id: string, source: FlavorSource, zone: string | undefined): FlavorFacts {
  const { specs } = source;
  const environment = specs?.['ecs:virtualization_env_types'] ?? '';
  const virtualization = Object.hasOwn(VIRTUALIZATION, environment) ? VIRTUALIZATION[environment] : undefined;
  const generation = specs?.['ecs:generation'];
  const vcpus = toNumber(source.vcpus);
  const ramMiB = toNumber(source.ram);
  return {
    id,
    ...(generation ? { generation } : {}),
    ...(virtualization ? { virtualization } : {}),
    ...(vcpus === undefined ? {} : { vcpus }),
    ...(ramMiB === undefined ? {} : { ramMiB }),
    ...(specs ? { saleStatus: saleStatusIn(specs, zone), ...hardwareFacts(specs) } : {}),
  };
}
