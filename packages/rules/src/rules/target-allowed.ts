import { createBuiltInRule } from './create-built-in-rule.js';

/** How many allowed flavors a message names before it cuts the list. */
const LISTED = 8;

/** The target must be one of the flavors `resize_flavors` lists for the server. */
export const targetAllowed = createBuiltInRule({
  name: 'target-allowed',
  meta: {
    type: 'problem',
    docs: {
      description: 'The target flavor must be one the server may change to (resize_flavors).',
      recommended: true,
    },
    refusal: 'at-once',
    errorCodes: ['Ecs.0804'],
    messages: {
      notAllowed: '{{to}} is not among the flavors server {{serverId}} may change to. Pick one of: {{allowed}}.',
      unverified:
        'Could not verify that {{to}} is a flavor server {{serverId}} may change to: the list of allowed targets is unknown. Look it up with listResizeFlavors (resize_flavors).',
    },
  },
  check({ server, target, allowedTargets }) {
    if (allowedTargets?.includes(target.id) === true) return [];
    const data = { serverId: server.id, to: target.id };
    if (allowedTargets === undefined) return [{ messageId: 'unverified', data, unverified: true }];
    const named = allowedTargets.slice(0, LISTED).join(', ') || 'none (no flavor is allowed)';
    const more = allowedTargets.length > LISTED ? ` and ${allowedTargets.length - LISTED} more` : '';
    return [{ messageId: 'notAllowed', data: { ...data, allowed: named + more } }];
  },
});
