import type { ResizeFacts } from '../facts/facts-schema.js';
import { isTargetMissing } from './target-missing.js';

/**
 * Whether this resize goes from Xen to KVM: true or false when both sides' virtualization
 * decides it, undefined when an unknown side could change the answer; false when the target
 * does not exist.
 */
export function isXenToKvm(facts: ResizeFacts): boolean | undefined {
  if (isTargetMissing(facts)) return false;
  const { server, target } = facts;
  const from = server.flavor.virtualization;
  const to = target.virtualization;
  if (from === 'kvm' || to === 'xen') return false;
  if (from === 'xen' && to === 'kvm') return true;
  return undefined;
}

/**
 * Whether this resize goes from KVM to Xen: false as soon as the target is KVM or the source
 * Xen (whatever the other side) or the target does not exist, true for KVM → Xen, undefined
 * otherwise.
 */
export function isKvmToXen(facts: ResizeFacts): boolean | undefined {
  if (isTargetMissing(facts)) return false;
  const { server, target } = facts;
  const from = server.flavor.virtualization;
  const to = target.virtualization;
  if (to === 'kvm' || from === 'xen') return false;
  if (from === 'kvm' && to === 'xen') return true;
  return undefined;
}

/** The generations whose move to H1 needs a driver first. */
const NEEDS_H1_DRIVER = new Set(['s1', 'c1', 'c2', 'm1']);

/**
 * Whether this resize goes from S1/C1/C2/M1 to H1 (by `ecs:generation`, any case): true or
 * false when the known generations decide it (or the target does not exist), undefined when an
 * unknown one could.
 */
export function isOldGenerationToH1(facts: ResizeFacts): boolean | undefined {
  if (isTargetMissing(facts)) return false;
  const { server, target } = facts;
  const from = server.flavor.generation?.toLowerCase();
  const to = target.generation?.toLowerCase();
  if ((to !== undefined && to !== 'h1') || (from !== undefined && !NEEDS_H1_DRIVER.has(from))) return false;
  if (from !== undefined && to !== undefined) return true;
  return undefined;
}

/** The VBD disks of the server (the system disk is always VBD; SCSI disks do not count). */
export function vbdDiskCount({ server }: ResizeFacts): number {
  let count = 0;
  for (const disk of server.disks) if (disk.type === 'VBD') count += 1;
  return count;
}
