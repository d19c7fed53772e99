import { describe, it } from 'vitest';
import { noFrozenServer } from '../../src/rules/no-frozen-server.js';
import { RuleTester, buildFacts } from '../../src/testing/index.js';
import { SERVER_ID } from '../helpers.js';

new RuleTester({ describe, it }).run('no-frozen-server', noFrozenServer, {
  valid: [
    { name: 'not frozen', facts: buildFacts() },
    {
      name: 'not frozen, though locked and running: other rules judge those',
      facts: buildFacts({ server: { frozen: false, locked: true, status: 'ACTIVE', vmState: 'active' } }),
    },
  ],
  invalid: [
    {
      name: 'frozen',
      facts: buildFacts({ server: { frozen: true } }),
      errors: [{ messageId: 'frozen', data: { serverId: SERVER_ID } }],
    },
    {
      name: 'frozen state unknown',
      facts: buildFacts({ server: { frozen: undefined } }),
      errors: [{ messageId: 'unverified', data: { serverId: SERVER_ID } }],
    },
  ],
});
