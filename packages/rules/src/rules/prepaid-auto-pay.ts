import { createBuiltInRule } from './create-built-in-rule.js';

/**
 * A yearly/monthly server (`chargingMode: 'prePaid'`) is resized through the v1.1 API, which
 * creates an order: `autoPay` must be set. `autoPay: false` leaves the order to be paid in the
 * billing center before anything changes: a warning.
 */
export const prepaidAutoPay = createBuiltInRule({
  name: 'prepaid-auto-pay',
  meta: {
    type: 'problem',
    docs: {
      description: 'A yearly/monthly server must be resized through the v1.1 API, with autoPay set.',
      recommended: true,
    },
    // No error code is documented for a yearly/monthly server sent to the v1 API.
    refusal: 'at-once',
    errorCodes: [],
    messages: {
      needsAutoPay:
        'Server {{serverId}} is a yearly/monthly server: the v1 resize API cannot change it, only the v1.1 API, which creates an order. Resize with autoPay set (true pays the order at once).',
      orderUnpaid:
        'Could not verify that the order for resizing yearly/monthly server {{serverId}} will be paid: autoPay is false, so nothing changes until someone pays it in the billing center. Pay the order there, or resize with autoPay true.',
      unverified:
        'Could not verify that server {{serverId}} is not a yearly/monthly server, which needs the v1.1 API with autoPay: its charging mode is unknown. Read metadata.charging_mode of the server, or resize with autoPay set.',
    },
  },
  check({ server, autoPay }) {
    const data = { serverId: server.id };
    if (server.chargingMode === 'postPaid' || server.chargingMode === 'spot') return [];
    if (autoPay === true) return [];
    if (server.chargingMode === undefined) return [{ messageId: 'unverified', data, unverified: true }];
    return autoPay === false ? [{ messageId: 'orderUnpaid', data, unverified: true }] : [{ messageId: 'needsAutoPay', data }];
  },
});
