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
      description: 'A yearly/monthly server is resized through an order, whose automatic payment the resize must set.',
      recommended: true,
    },
    // No error code is documented for a yearly/monthly server sent to the v1 API.
    refusal: 'at-once',
    errorCodes: [],
    messages: {
      needsAutoPay:
        'Server {{serverId}} is a yearly/monthly server: its flavor changes only through an order. Resize saying whether the order is paid automatically (yes pays it at once; no leaves it to be paid in the billing center).',
      orderUnpaid:
        'Could not verify that the order for resizing yearly/monthly server {{serverId}} will be paid: automatic payment is off, so nothing changes until someone pays it in the billing center. Pay the order there, or resize with automatic payment on.',
      unverified:
        'Could not verify that server {{serverId}} is not a yearly/monthly server, whose flavor changes only through an order: its billing mode is unknown. Check its billing mode, or resize saying whether the order is paid automatically.',
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
