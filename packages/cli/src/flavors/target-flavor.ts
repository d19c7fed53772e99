import { flavorFacts, type ResizeFlavor } from '@ecs-resize/core';
import type { FlavorFacts } from '@ecs-resize/rules';

/** A target flavor as `ecs-resize flavors` shows it: the facts the rules see of it. */
export type TargetFlavor = FlavorFacts;

/** A `resize_flavors` entry, read from its `extra_specs` for the server's availability zone. */
export function describeTargetFlavor(flavor: ResizeFlavor, zone: string | undefined): TargetFlavor {
  return flavorFacts(flavor.id, { vcpus: flavor.vcpus, ram: flavor.ram, specs: flavor.extra_specs ?? {} }, zone);
}
