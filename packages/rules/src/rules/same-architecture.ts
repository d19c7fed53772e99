import { createBuiltInRule } from './create-built-in-rule.js';
import { isTargetMissing } from './target-missing.js';
import { architectureOf } from './flavor-families.js';

/**
 * x86 ↔ Arm is never a resize: the image would not boot on the other architecture. The
 * architecture is `architecture`, else the generation's (Kunpeng series are Arm).
 */
export const sameArchitecture = createBuiltInRule({
  name: 'same-architecture',
  meta: {
    type: 'problem',
    docs: {
      description: 'The target flavor must have the CPU architecture (x86 or Arm) of the current flavor.',
      recommended: true,
    },
    // UNCONFIRMED: no documented error code; the guest would not boot.
    refusal: 'late',
    errorCodes: [],
    messages: {
      otherArchitecture:
        'Server {{serverId}} runs on {{fromArchitecture}} ({{from}}) and {{to}} is an {{toArchitecture}} flavor: its image cannot boot on another architecture. Pick a {{fromArchitecture}} flavor, or create a new server from an {{toArchitecture}} image.',
      unverified:
        "Could not verify that {{from}} → {{to}} keeps the CPU architecture (x86 or Arm): the architecture of {{unknown}} is unknown. Check both flavors' CPU architecture.",
    },
  },
  check(facts) {
    if (isTargetMissing(facts)) return [];
    const { server, target } = facts;
    const fromArchitecture = architectureOf(server.flavor);
    const toArchitecture = architectureOf(target);
    if (fromArchitecture !== undefined && fromArchitecture === toArchitecture) return [];
    const flavors = { from: server.flavor.id, to: target.id };
    if (fromArchitecture === undefined || toArchitecture === undefined) {
      const unknown = [server.flavor, target].filter((flavor) => architectureOf(flavor) === undefined).map((flavor) => flavor.id);
      return [{ messageId: 'unverified', data: { ...flavors, unknown: unknown.join(' and ') }, unverified: true }];
    }
    return [{ messageId: 'otherArchitecture', data: { ...flavors, serverId: server.id, fromArchitecture, toArchitecture } }];
  },
});
