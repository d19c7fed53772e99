import { createBuiltInRule } from './create-built-in-rule.js';
import { isKvmToXen } from './transitions.js';

/** KVM → Xen is refused. A KVM target, or a Xen source, passes whatever the other side is. */
export const noKvmToXen = createBuiltInRule({
  name: 'no-kvm-to-xen',
  meta: {
    type: 'problem',
    docs: { description: 'A KVM server cannot change to a Xen flavor.', recommended: true },
    // No code of its own is documented: the resize fails (Ecs.0207) or its job does.
    refusal: 'late',
    errorCodes: ['Ecs.0207'],
    messages: {
      kvmToXen:
        'Server {{serverId}} runs on KVM ({{from}}) and {{to}} is a Xen flavor: KVM servers cannot change to Xen, and the resize would fail. Pick a KVM flavor.',
      unverified:
        'Could not verify that {{from}} → {{to}} is not KVM → Xen, which fails: the virtualization of {{unknown}} is unknown. Check which virtualization (Xen or KVM) the flavors use, or pick a KVM flavor.',
    },
  },
  check(facts) {
    const verdict = isKvmToXen(facts);
    if (verdict === false) return [];
    const flavors = { from: facts.server.flavor.id, to: facts.target.id };
    if (verdict) return [{ messageId: 'kvmToXen', data: { ...flavors, serverId: facts.server.id } }];
    const unknown = [facts.server.flavor, facts.target]
      .filter((flavor) => flavor.virtualization === undefined)
      .map((flavor) => flavor.id);
    return [{ messageId: 'unverified', data: { ...flavors, unknown: unknown.join(' and ') }, unverified: true }];
  },
});
