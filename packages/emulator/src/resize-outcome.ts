import type { EcsErrorCode } from './errors.js';
import { architectureOf, generationOf, hasLocalDisks, performanceTypeOf, virtualizationOf } from './flavor-specs.js';
import { isScsi, type EmulatorFlavor, type EmulatorServer } from './model.js';
import type { World } from './state.js';

/** The most VBD disks a Xen server may have to change to KVM (exactly 24 is fine). */
const MAX_VBD_FOR_KVM = 24;
/** Generations that need a driver before changing to H1. */
const PRE_H1_GENERATIONS = new Set(['s1', 'c1', 'c2', 'm1']);
/** Generations that cannot change flavor at all (ecs-api.md §11, `Ecs.0806`). */
const FIXED_GENERATIONS = new Set(['h2', 'hl1', 'p1', 'p2']);
/** Performance types that change only within their own generation: GPU, FPGA, large-memory (`Ecs.0805`). */
const FAMILY_LOCKED_TYPES = new Set(['gpu', 'fpga', 'saphana']);

/** Why a resize job fails: its `error_code` and `fail_reason`. */
export interface LateFailure {
  readonly code: EcsErrorCode;
  readonly reason: string;
}

/**
 * Why a resize the API accepted fails when its job runs, or undefined when it succeeds. These are
 * the rules the cloud only discovers on the host (ecs-api.md §1.1, §10, §11). Where a code is
 * documented (`Ecs.0806` a flavor that cannot change, `Ecs.0805` another family) the job fails
 * with it; otherwise with `Ecs.0207`. The text is the job's `fail_reason`.
 */
export function lateResizeFailure(world: World, server: EmulatorServer, target: EmulatorFlavor): LateFailure | undefined {
  const source = world.flavors.get(server.flavorId);
  if (source === undefined) return undefined;
  return (
    sourceFailure(source) ??
    familyFailure(source, target) ??
    architectureFailure(source, target) ??
    virtualizationFailure(world, server, source, target)
  );
}

/** Flavors with local disks and the legacy generations cannot change flavor (`Ecs.0806`). */
function sourceFailure(source: EmulatorFlavor): LateFailure | undefined {
  const generation = generationOf(source)?.toLowerCase();
  if (generation !== undefined && FIXED_GENERATIONS.has(generation)) {
    return { code: 'Ecs.0806', reason: `${generation.toUpperCase()} ECSs do not support specifications modification.` };
  }
  if (hasLocalDisks(source)) {
    return {
      code: 'Ecs.0806',
      reason: 'ECSs with local disks (disk-intensive, ultra-high I/O) do not support specifications modification.',
    };
  }
  return undefined;
}

/** GPU, FPGA and large-memory flavors change only within their own generation (`Ecs.0805`). */
function familyFailure(source: EmulatorFlavor, target: EmulatorFlavor): LateFailure | undefined {
  const locked = [source, target].some((flavor) => FAMILY_LOCKED_TYPES.has(performanceTypeOf(flavor)?.toLowerCase() ?? ''));
  if (!locked || generationOf(source)?.toLowerCase() === generationOf(target)?.toLowerCase()) return undefined;
  return {
    code: 'Ecs.0805',
    reason: `A ${generationOf(source) ?? source.id} ECS cannot be changed to ${target.id}: GPU, FPGA and large-memory ECSs change only within their own flavor family.`,
  };
}

/**
 * x86 ↔ Arm: the image cannot boot on the other architecture. UNCONFIRMED: no code or wording
 * is documented, so the job fails with `Ecs.0207`.
 */
function architectureFailure(source: EmulatorFlavor, target: EmulatorFlavor): LateFailure | undefined {
  const [from, to] = [architectureOf(source), architectureOf(target)];
  return from === to ? undefined : { code: 'Ecs.0207', reason: `An ${from} ECS cannot be changed to an ${to} flavor.` };
}

/** KVM → Xen, Xen → KVM with too many VBD disks or without drivers, → H1 without its driver. */
function virtualizationFailure(
  world: World,
  server: EmulatorServer,
  source: EmulatorFlavor,
  target: EmulatorFlavor,
): LateFailure | undefined {
  const failed = (reason: string): LateFailure => ({ code: 'Ecs.0207', reason });
  const from = virtualizationOf(source);
  const to = virtualizationOf(target);
  if (from === 'kvm' && to === 'xen') return failed('A KVM ECS cannot be changed to a Xen ECS.');
  if (from === 'xen' && to === 'kvm') {
    const vbd = server.attachments.filter(({ volumeId }) => {
      const volume = world.volumes.get(volumeId);
      return volume !== undefined && !isScsi(volume);
    }).length;
    if (vbd > MAX_VBD_FOR_KVM) {
      return failed(
        `A Xen ECS with more than ${MAX_VBD_FOR_KVM} VBD disks cannot be changed to a KVM ECS (this one has ${vbd}).`,
      );
    }
    if (!server.drivers.xenToKvm) return failed('Install the xen-pv and virtio drivers before changing a Xen ECS to a KVM ECS.');
  }
  const fromGeneration = generationOf(source);
  if (
    fromGeneration !== undefined &&
    PRE_H1_GENERATIONS.has(fromGeneration) &&
    generationOf(target) === 'h1' &&
    !server.drivers.h1
  ) {
    return failed(`Install the driver before changing a ${fromGeneration.toUpperCase()} ECS to H1.`);
  }
  return undefined;
}
