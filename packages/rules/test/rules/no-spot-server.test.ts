import { describe, it } from 'vitest';
import { noSpotServer } from '../../src/rules/no-spot-server.js';
import { RuleTester, buildFacts } from '../../src/testing/index.js';
import { SERVER_ID } from '../helpers.js';

new RuleTester({ describe, it }).run('no-spot-server', noSpotServer, {
  valid: [
    { name: 'pay-per-use (postPaid)', facts: buildFacts() },
    { name: 'yearly/monthly (prePaid)', facts: buildFacts({ server: { chargingMode: 'prePaid' } }) },
  ],
  invalid: [
    {
      name: 'spot',
      facts: buildFacts({ server: { chargingMode: 'spot' } }),
      errors: [{ messageId: 'spot', data: { serverId: SERVER_ID } }],
    },
    {
      name: 'charging mode unknown',
      facts: buildFacts({ server: { chargingMode: undefined } }),
      errors: [{ messageId: 'unverified', data: { serverId: SERVER_ID } }],
    },
  ],
});
