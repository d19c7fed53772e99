import { createBuiltInRule } from './create-built-in-rule.js';
import { isXenToKvm, vbdDiskCount } from './transitions.js';

/** The most VBD disks a Xen server may have and still change to KVM. */
export const MAX_VBD_DISKS_FOR_KVM = 24;

/**
 * A Xen server with more than 24 VBD disks cannot change to KVM (exactly 24 is fine; SCSI
 * disks do not count). With 24 or fewer, nothing else matters.
 */
export const xenVbdLimit = createBuiltInRule({
  name: 'xen-vbd-limit',
  meta: {
    type: 'problem',
    docs: {
      description: 'A Xen server with more than 24 VBD disks cannot change to KVM.',
      recommended: true,
    },
    refusal: 'late',
    errorCodes: ['Ecs.0809'],
    messages: {
      tooManyVbdDisks:
        'Server {{serverId}} is a Xen server with {{count}} VBD disks; with more than 24 it cannot change to KVM ({{to}}). Detach {{excess}} VBD disks first, or pick a Xen flavor.',
      unverified:
        'Server {{serverId}} has {{count}} VBD disks, more than the 24 a Xen server may have to change to KVM, and whether {{from}} → {{to}} is Xen → KVM is unknown. Check which virtualization (Xen or KVM) the flavors use, or detach {{excess}} VBD disks first.',
    },
  },
  check(facts) {
    const verdict = isXenToKvm(facts);
    if (verdict === false) return [];
    const count = vbdDiskCount(facts);
    if (count <= MAX_VBD_DISKS_FOR_KVM) return [];
    const data = { serverId: facts.server.id, to: facts.target.id, count, excess: count - MAX_VBD_DISKS_FOR_KVM };
    return [
      verdict
        ? { messageId: 'tooManyVbdDisks', data }
        : { messageId: 'unverified', data: { ...data, from: facts.server.flavor.id }, unverified: true },
    ];
  },
});
