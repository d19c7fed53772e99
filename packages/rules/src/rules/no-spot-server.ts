import { createBuiltInRule } from './create-built-in-rule.js';

/** Spot servers (`metadata.charging_mode` "2") do not support resizing. */
export const noSpotServer = createBuiltInRule({
  name: 'no-spot-server',
  meta: {
    type: 'problem',
    docs: { description: 'A spot server cannot be resized.', recommended: true },
    refusal: 'at-once',
    errorCodes: ['Ecs.0704'],
    messages: {
      spot: 'Server {{serverId}} is a spot server, and spot servers cannot be resized. Create a server of the flavor you need instead.',
      unverified:
        'Could not verify that server {{serverId}} is not a spot server: its billing mode is unknown. Check that it is billed pay-per-use or yearly/monthly, then check again.',
    },
  },
  check({ server }) {
    if (server.chargingMode === 'postPaid' || server.chargingMode === 'prePaid') return [];
    const data = { serverId: server.id };
    return [server.chargingMode === 'spot' ? { messageId: 'spot', data } : { messageId: 'unverified', data, unverified: true }];
  },
});
