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

/**
 * Normalises a flavor into facts: virtualization from `ecs:virtualization_env_types`,
 * generation from `ecs:generation`, vCPUs and RAM (MiB) as numbers, the sale status for the
 * server's zone. What the API did not say stays absent, so that the rules know it is unknown.
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
    ...(specs ? { saleStatus: saleStatusIn(specs, zone) } : {}),
  };
}
