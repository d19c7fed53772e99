import { createBuiltInRule } from './create-built-in-rule.js';

/** A frozen server (`metadata.EcmResStatus` "freeze") cannot be resized (`Ecs.0030`). */
export const noFrozenServer = createBuiltInRule({
  name: 'no-frozen-server',
  meta: {
    type: 'problem',
    docs: { description: 'A frozen server cannot be resized.', recommended: true },
    refusal: 'at-once',
    errorCodes: ['Ecs.0030'],
    messages: {
      frozen:
        'Server {{serverId}} is frozen and cannot be resized. Settle the account (renew or pay) to unfreeze it, then resize.',
      unverified:
        'Could not verify that server {{serverId}} is not frozen: that fact is unknown. Check that the server is not frozen (an account in arrears freezes it), then check again.',
    },
  },
  check({ server }) {
    if (server.frozen === false) return [];
    const data = { serverId: server.id };
    return [server.frozen ? { messageId: 'frozen', data } : { messageId: 'unverified', data, unverified: true }];
  },
});
