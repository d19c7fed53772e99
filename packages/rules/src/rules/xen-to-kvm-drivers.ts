import { isConfirmed } from '../facts/is-confirmed.js';
import { createBuiltInRule } from './create-built-in-rule.js';
import { isXenToKvm } from './transitions.js';

/**
 * Xen → KVM needs guest drivers installed first, which the API cannot see: the operator
 * confirms them with `confirmations.xenToKvmDrivers: true`.
 */
export const xenToKvmDrivers = createBuiltInRule({
  name: 'xen-to-kvm-drivers',
  meta: {
    type: 'problem',
    docs: {
      description: 'Xen → KVM needs the KVM guest drivers installed first, confirmed by the operator.',
      recommended: true,
    },
    refusal: 'late',
    errorCodes: ['Ecs.0811'],
    confirmation: {
      key: 'xenToKvmDrivers',
      name: 'xen-to-kvm-drivers',
      label: 'The KVM guest drivers are installed (xen-pv and virtio on Linux, PV driver and UVP VMTools on Windows)',
    },
    messages: {
      driversNotConfirmed:
        'Changing Xen ({{from}}) to KVM ({{to}}) needs guest drivers installed first, or the server may not boot: the xen-pv and virtio drivers on Linux, the PV driver and UVP VMTools on Windows. Install them, then confirm that they are installed.',
      unverified:
        'Could not tell whether {{from}} → {{to}} is Xen → KVM, which needs guest drivers (xen-pv and virtio on Linux, PV driver and UVP VMTools on Windows): a virtualization is unknown. If the drivers are installed, confirm that they are; else check which virtualization (Xen or KVM) the flavors use.',
    },
  },
  check(facts) {
    if (isConfirmed(facts, 'xenToKvmDrivers')) return [];
    const verdict = isXenToKvm(facts);
    if (verdict === false) return [];
    const data = { from: facts.server.flavor.id, to: facts.target.id };
    return [verdict ? { messageId: 'driversNotConfirmed', data } : { messageId: 'unverified', data, unverified: true }];
  },
});
