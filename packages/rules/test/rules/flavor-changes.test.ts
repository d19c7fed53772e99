import { describe, it } from 'vitest';
import { flavorChanges } from '../../src/rules/flavor-changes.js';
import { RuleTester, buildFacts } from '../../src/testing/index.js';
import { SERVER_ID } from '../helpers.js';

new RuleTester({ describe, it }).run('flavor-changes', flavorChanges, {
  valid: [
    { name: 'a larger flavor of the same family', facts: buildFacts() },
    { name: 'ids that differ only in the RAM ratio', facts: buildFacts({ target: { id: 's3.large.4' } }) },
    {
      name: 'another family with the same vCPUs and RAM',
      facts: buildFacts({ target: { id: 'c6.large.2', generation: 'c6', vcpus: 2, ramMiB: 4096 } }),
    },
  ],
  invalid: [
    {
      name: 'the target is the current flavor',
      facts: buildFacts({ target: { id: 's3.large.2', vcpus: 2, ramMiB: 4096 } }),
      errors: [{ messageId: 'sameFlavor', data: { serverId: SERVER_ID, to: 's3.large.2' } }],
    },
    {
      name: 'the same id is the same flavor, whatever the other target facts say',
      facts: buildFacts({ server: { flavor: { id: 's3.xlarge.2' } } }),
      errors: [{ messageId: 'sameFlavor', data: { to: 's3.xlarge.2' } }],
    },
  ],
});
