import { describe, it } from 'vitest';
import { targetOnSale } from '../../src/rules/target-on-sale.js';
import { RuleTester, buildFacts } from '../../src/testing/index.js';

new RuleTester({ describe, it }).run('target-on-sale', targetOnSale, {
  valid: ['normal', 'promotion', 'PROMOTION'].map((saleStatus) => ({
    name: `sale status ${saleStatus}`,
    facts: buildFacts({ target: { saleStatus } }),
  })),
  invalid: [
    // Open beta needs a permission the facts cannot show: a warning, the resize may go on.
    ...['obt', 'OBT'].map((saleStatus) => ({
      name: `sale status ${saleStatus}`,
      facts: buildFacts({ target: { saleStatus } }),
      errors: [{ messageId: 'openBeta', data: { to: 's3.xlarge.2' }, severity: 'warn' as const }],
    })),
    ...['abandon', 'sellout', 'obt_sellout'].map((saleStatus) => ({
      name: `sale status ${saleStatus}`,
      facts: buildFacts({ target: { saleStatus } }),
      errors: [{ messageId: 'notOnSale', data: { to: 's3.xlarge.2', saleStatus }, severity: 'error' as const }],
    })),
    {
      name: 'sale status in another case',
      facts: buildFacts({ target: { saleStatus: 'Sellout' } }),
      errors: [{ messageId: 'notOnSale', data: { saleStatus: 'sellout' } }],
    },
    {
      name: 'sale status unknown',
      facts: buildFacts({ target: { saleStatus: undefined } }),
      errors: [{ messageId: 'unverified', data: { to: 's3.xlarge.2', saleStatus: 'unknown' }, severity: 'warn' as const }],
    },
    {
      name: 'a sale status not understood is not trusted',
      facts: buildFacts({ target: { saleStatus: 'coming_soon' } }),
      errors: [{ messageId: 'unverified', data: { saleStatus: 'coming_soon' } }],
    },
  ],
});
