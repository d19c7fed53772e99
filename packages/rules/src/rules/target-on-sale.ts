import { createBuiltInRule } from './create-built-in-rule.js';
import { isTargetMissing } from './target-missing.js';

/** Sale statuses (`cond:operation:status` / `cond:operation:az`) in which a flavor can be bought. */
const ON_SALE = new Set(['normal', 'promotion']);

/** Open beta: on sale, to accounts with the open-beta permission (else `Ecs.0016`). */
const OPEN_BETA = 'obt';

/** Sale statuses in which it cannot. Any other value is not understood, so it is not trusted. */
const NOT_FOR_SALE = new Set(['abandon', 'sellout', 'obt_sellout']);

/**
 * The target flavor must be on sale in the server's availability zone. `target.saleStatus` is
 * the zone's status (`cond:operation:az`, else `cond:operation:status`, else normal), which
 * whoever builds the facts resolves for the server's zone. Open beta needs a permission the
 * facts cannot show: a warning.
 */
export const targetOnSale = createBuiltInRule({
  name: 'target-on-sale',
  meta: {
    type: 'problem',
    docs: {
      description: "The target flavor must be on sale (not sold out or abandoned) in the server's availability zone.",
      recommended: true,
    },
    refusal: 'at-once',
    errorCodes: ['Ecs.0016', 'Ecs.0018', 'Ecs.0019', 'Ecs.0029'],
    messages: {
      notOnSale: "{{to}} is {{saleStatus}} in the server's availability zone and cannot be used. Pick a flavor that is on sale.",
      openBeta:
        "Could not verify that this account may use {{to}}: it is in open beta (obt) in the server's availability zone, and only accounts with the open-beta permission may use it. Apply for the permission, or pick a flavor that is normal or promotion.",
      unverified:
        "Could not verify that {{to}} is on sale in the server's availability zone: its sale status there is {{saleStatus}}. Check that the flavor is sold in that zone, or pick a flavor that is on sale.",
    },
  },
  check(facts) {
    if (isTargetMissing(facts)) return [];
    const { target } = facts;
    const saleStatus = target.saleStatus?.toLowerCase();
    if (saleStatus !== undefined && ON_SALE.has(saleStatus)) return [];
    if (saleStatus === OPEN_BETA) return [{ messageId: 'openBeta', data: { to: target.id }, unverified: true }];
    if (saleStatus !== undefined && NOT_FOR_SALE.has(saleStatus))
      return [{ messageId: 'notOnSale', data: { to: target.id, saleStatus } }];
    return [{ messageId: 'unverified', data: { to: target.id, saleStatus: target.saleStatus ?? 'unknown' }, unverified: true }];
  },
});
