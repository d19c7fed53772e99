import { describe, it } from 'vitest';
import { noLockedServer } from '../../src/rules/no-locked-server.js';
import { RuleTester, buildFacts } from '../../src/testing/index.js';
import { SERVER_ID } from '../helpers.js';

new RuleTester({ describe, it }).run('no-locked-server', noLockedServer, {
  valid: [
    { name: 'not locked', facts: buildFacts() },
    {
      name: 'not locked, though frozen: another rule judges that',
      facts: buildFacts({ server: { locked: false, frozen: true } }),
    },
  ],
  invalid: [
    {
      name: 'locked',
      facts: buildFacts({ server: { locked: true } }),
      errors: [{ messageId: 'locked', data: { serverId: SERVER_ID } }],
    },
    {
      name: 'lock state unknown',
      facts: buildFacts({ server: { locked: undefined } }),
      errors: [{ messageId: 'unverified', data: { serverId: SERVER_ID } }],
    },
  ],
});
