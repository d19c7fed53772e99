import { createBuiltInRule } from './create-built-in-rule.js';
import { isTargetMissing } from './target-missing.js';

/** How many allowed flavors a message names before it cuts the list. */
const LISTED = 8;

/**
 * The target must exist (`Ecs.0029`) and be one of the flavors `resize_flavors` lists for the
 * server (`Ecs.0804`). A target that does not exist is this rule's one finding: the rules that
 * need the target's details stay silent then.
 */
export const targetAllowed = createBuiltInRule({
  name: 'target-allowed',
  meta: {
    type: 'problem',
    docs: {
      description: 'The target flavor must exist, and be one the server may change to.',
      recommended: true,
    },
    refusal: 'at-once',
    errorCodes: ['Ecs.0804', 'Ecs.0029'],
    messages: {
      notAllowed: '{{to}} is not among the flavors server {{serverId}} may change to. Pick one of: {{allowed}}.',
      unknownFlavor:
        'Flavor {{to}} does not exist in this region. Check its name, or list the flavors server {{serverId}} may change to and pick one of them.',
      unverified:
        'Could not verify that {{to}} is a flavor server {{serverId}} may change to: that list is unknown. List the flavors this server may change to, and pick one of them.',
    },
  },
  check(facts) {
    const { server, target, allowedTargets } = facts;
    const data = { serverId: server.id, to: target.id };
    if (isTargetMissing(facts)) return [{ messageId: 'unknownFlavor', data }];
    if (allowedTargets?.includes(target.id) === true) return [];
    if (allowedTargets === undefined) return [{ messageId: 'unverified', data, unverified: true }];
    const named = allowedTargets.slice(0, LISTED).join(', ') || 'none (no flavor is allowed)';
    const more = allowedTargets.length > LISTED ? ` and ${allowedTargets.length - LISTED} more` : '';
    return [{ messageId: 'notAllowed', data: { ...data, allowed: named + more } }];
  },
});
