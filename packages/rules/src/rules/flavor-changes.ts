import { createBuiltInRule } from './create-built-in-rule.js';

/** The target flavor must differ from the current one. */
export const flavorChanges = createBuiltInRule({
  name: 'flavor-changes',
  meta: {
    type: 'problem',
    docs: {
      description: 'The target flavor must differ from the current flavor.',
      recommended: true,
    },
    refusal: 'at-once',
    errorCodes: ['Ecs.0009', 'Ecs.0810'],
    messages: { sameFlavor: 'Server {{serverId}} already has flavor {{to}}. Pick a different flavor.' },
  },
  check({ server, target }) {
    return server.flavor.id === target.id ? [{ messageId: 'sameFlavor', data: { serverId: server.id, to: target.id } }] : [];
  },
});
