import { describe, it } from 'vitest';
import { prepaidAutoPay } from '../../src/rules/prepaid-auto-pay.js';
import { RuleTester, buildFacts } from '../../src/testing/index.js';
import { SERVER_ID } from '../helpers.js';

const prePaid = { chargingMode: 'prePaid' } as const;

new RuleTester({ describe, it }).run('prepaid-auto-pay', prepaidAutoPay, {
  valid: [
    { name: 'pay-per-use, v1', facts: buildFacts() },
    { name: 'pay-per-use, v1.1', facts: buildFacts({ autoPay: false }) },
    { name: 'spot (no-spot-server refuses it)', facts: buildFacts({ server: { chargingMode: 'spot' } }) },
    { name: 'yearly/monthly, paid at once', facts: buildFacts({ server: prePaid, autoPay: true }) },
    { name: 'charging mode unknown, autoPay set', facts: buildFacts({ server: { chargingMode: undefined }, autoPay: true }) },
  ],
  invalid: [
    {
      name: 'yearly/monthly through v1',
      facts: buildFacts({ server: prePaid }),
      errors: [{ messageId: 'needsAutoPay', data: { serverId: SERVER_ID }, severity: 'error' }],
    },
    {
      name: 'yearly/monthly, order paid by hand',
      facts: buildFacts({ server: prePaid, autoPay: false }),
      errors: [{ messageId: 'orderUnpaid', data: { serverId: SERVER_ID }, severity: 'warn' }],
    },
    {
      name: 'charging mode unknown, v1',
      facts: buildFacts({ server: { chargingMode: undefined } }),
      errors: [{ messageId: 'unverified', data: { serverId: SERVER_ID }, severity: 'warn' }],
    },
    {
      name: 'charging mode unknown, autoPay false',
      facts: buildFacts({ server: { chargingMode: undefined }, autoPay: false }),
      errors: [{ messageId: 'unverified', severity: 'warn' }],
    },
  ],
});
