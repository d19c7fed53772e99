import { generationOf, virtualizationOf } from './flavor-specs.js';
import { isScsi, type EmulatorFlavor, type EmulatorServer } from './model.js';
import type { World } from './state.js';

/** The most VBD disks a Xen server may have to change to KVM (exactly 24 is fine). */
const MAX_VBD_FOR_KVM = 24;
/** Generations that need a driver before changing to H1. */
const PRE_H1_GENERATIONS = new Set(['s1', 'c1', 'c2', 'm1']);

/**
 * Why a resize the API accepted fails when its job runs, or undefined when it succeeds. These are
 * the rules the cloud only discovers on the host (ecs-api.md §1.1, §10); no error code is
 * documented for them, so the job fails with `Ecs.0207` and this text as `fail_reason`.
 */
export function lateResizeFailure(world: World, server: EmulatorServer, target: EmulatorFlavor): string | undefined {
  const source = world.flavors.get(server.flavorId);
  if (source === undefined) return undefined;
  const from = virtualizationOf(source);
  const to = virtualizationOf(target);
  if (from === 'kvm' && to === 'xen') return 'A KVM ECS cannot be changed to a Xen ECS.';
  if (from === 'xen' && to === 'kvm') {
    const vbd = server.attachments.filter(({ volumeId }) => {
      const volume = world.volumes.get(volumeId);
      return volume !== undefined && !isScsi(volume);
    }).length;
    if (vbd > MAX_VBD_FOR_KVM) {
      return `A Xen ECS with more than ${MAX_VBD_FOR_KVM} VBD disks cannot be changed to a KVM ECS (this one has ${vbd}).`;
    }
    if (!server.drivers.xenToKvm) {
      return 'Install the xen-pv and virtio drivers before changing a Xen ECS to a KVM ECS.';
    }
  }
  const fromGeneration = generationOf(source);
  if (
    fromGeneration !== undefined &&
    PRE_H1_GENERATIONS.has(fromGeneration) &&
    generationOf(target) === 'h1' &&
    !server.drivers.h1
  ) {
    return `Install the driver before changing a ${fromGeneration.toUpperCase()} ECS to H1.`;
  }
  return undefined;
}
