import { defineRule } from '../define-rule.js';
import { docsUrl } from './docs-url.js';

/** Sale statuses (`cond:operation:status` / `cond:operation:az`) in which a flavor can be bought. */
const ON_SALE = new Set(['normal', 'promotion', 'obt']);

/** Sale statuses in which it cannot. Any other value is not understood, so it is not trusted. */
const NOT_FOR_SALE = new Set(['abandon', 'sellout', 'obt_sellout']);

/** The target flavor must be on sale in the server's availability zone. */
export const targetOnSale = defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: "The target flavor must be on sale (not sold out or abandoned) in the server's availability zone.",
      url: docsUrl('target-on-sale'),
      recommended: true,
    },
    messages: {
      notOnSale: "{{to}} is {{saleStatus}} in the server's availability zone and cannot be used. Pick a flavor that is on sale.",
      unverified:
        "Could not verify that {{to}} is on sale in the server's availability zone: its sale status ({{saleStatus}}) is unknown. Read its cond:operation:status and cond:operation:az.",
    },
  },
  check({ target }) {
    const saleStatus = target.saleStatus?.toLowerCase();
    if (saleStatus !== undefined && ON_SALE.has(saleStatus)) return [];
    if (saleStatus !== undefined && NOT_FOR_SALE.has(saleStatus))
      return [{ messageId: 'notOnSale', data: { to: target.id, saleStatus } }];
    return [{ messageId: 'unverified', data: { to: target.id, saleStatus: target.saleStatus ?? 'unknown' } }];
  },
});
