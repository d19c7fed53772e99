import { createBuiltInRule } from './create-built-in-rule.js';

/** A locked server cannot be resized (`Ecs.0605`). */
export const noLockedServer = createBuiltInRule({
  name: 'no-locked-server',
  meta: {
    type: 'problem',
    docs: { description: 'A locked server cannot be resized.', recommended: true },
    refusal: 'at-once',
    errorCodes: ['Ecs.0605'],
    messages: {
      locked:
        'Server {{serverId}} is locked and cannot be resized. Unlock it first (whoever locked it, or the billing lock, must release it).',
      unverified:
        'Could not verify that server {{serverId}} is not locked: that fact is unknown. Check that the server is not locked, then check again.',
    },
  },
  check({ server }) {
    if (server.locked === false) return [];
    const data = { serverId: server.id };
    return [server.locked ? { messageId: 'locked', data } : { messageId: 'unverified', data, unverified: true }];
  },
});
