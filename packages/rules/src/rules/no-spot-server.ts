import { defineRule } from '../define-rule.js';
import { docsUrl } from './docs-url.js';

/** Spot servers (`metadata.charging_mode` "2") do not support resizing. */
export const noSpotServer = defineRule({
  meta: {
    type: 'problem',
    docs: { description: 'A spot server cannot be resized.', url: docsUrl('no-spot-server'), recommended: true },
    refusal: 'at-once',
    errorCodes: ['Ecs.0704'],
    messages: {
      spot: 'Server {{serverId}} is a spot server, and spot servers cannot be resized. Create a server of the flavor you need instead.',
      unverified:
        'Could not verify that server {{serverId}} is not a spot server: its charging mode is unknown. Read metadata.charging_mode of the server.',
    },
  },
  check({ server }) {
    if (server.chargingMode === 'postPaid' || server.chargingMode === 'prePaid') return [];
    const data = { serverId: server.id };
    return [server.chargingMode === 'spot' ? { messageId: 'spot', data } : { messageId: 'unverified', data, unverified: true }];
  },
});
