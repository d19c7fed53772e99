import { describe, it } from 'vitest';
import { nicLimit } from '../../src/rules/nic-limit.js';
import { RuleTester, buildFacts } from '../../src/testing/index.js';
import { SERVER_ID } from '../helpers.js';

/** Facts with `nicCount` NICs going to a flavor that allows `maxNics` (undefined: unknown). */
const nics = (nicCount: number | undefined, maxNics: number | undefined) =>
  buildFacts({ server: { nicCount }, target: { maxNics } });

new RuleTester({ describe, it }).run('nic-limit', nicLimit, {
  valid: [
    { name: 'fewer than the limit', facts: nics(2, 4) },
    { name: 'exactly the limit', facts: nics(4, 4) },
    { name: 'one NIC fits any flavor, limit unknown', facts: nics(1, undefined) },
    { name: 'no NIC, limit unknown', facts: nics(0, undefined) },
  ],
  invalid: [
    {
      name: 'one more than the limit',
      facts: nics(5, 4),
      errors: [
        {
          messageId: 'tooManyNics',
          data: { serverId: SERVER_ID, to: 's3.xlarge.2', nicCount: 5, maxNics: 4, excess: 1 },
          severity: 'error',
        },
      ],
    },
    { name: 'far more', facts: nics(12, 2), errors: [{ messageId: 'tooManyNics', data: { excess: 10 } }] },
    {
      name: 'NIC count unknown',
      facts: nics(undefined, 4),
      errors: [{ messageId: 'unverified', data: { unknown: "the server's NIC count is" }, severity: 'warn' }],
    },
    {
      name: 'limit unknown, two NICs',
      facts: nics(2, undefined),
      errors: [{ messageId: 'unverified', data: { unknown: "the flavor's NIC limit is" }, severity: 'warn' }],
    },
    {
      name: 'both unknown',
      facts: nics(undefined, undefined),
      errors: [
        { messageId: 'unverified', data: { unknown: "the server's NIC count and the flavor's NIC limit are" }, severity: 'warn' },
      ],
    },
  ],
});
