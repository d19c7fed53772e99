import { describe, it } from 'vitest';
import { targetAllowed } from '../../src/rules/target-allowed.js';
import { RuleTester, buildFacts } from '../../src/testing/index.js';
import { SERVER_ID } from '../helpers.js';

/** `count` flavor ids that do not include the target, `m6.large.1` … */
const otherFlavors = (count: number): string[] => Array.from({ length: count }, (_, index) => `m6.large.${index + 1}`);

new RuleTester({ describe, it }).run('target-allowed', targetAllowed, {
  valid: [
    { name: 'the target is listed', facts: buildFacts() },
    { name: 'the only flavor listed is the target', facts: buildFacts({ allowedTargets: ['s3.xlarge.2'] }) },
    {
      name: 'the target is listed after the 8 a message would name',
      facts: buildFacts({ allowedTargets: [...otherFlavors(10), 's3.xlarge.2'] }),
    },
  ],
  invalid: [
    {
      name: 'the target is not listed',
      facts: buildFacts({ target: { id: 'm6.large.8' } }),
      errors: [
        {
          messageId: 'notAllowed',
          data: { to: 'm6.large.8', serverId: SERVER_ID, allowed: 's3.xlarge.2, s3.2xlarge.2, c6.large.2' },
        },
      ],
    },
    {
      name: 'ids are compared exactly',
      facts: buildFacts({ target: { id: 'S3.XLARGE.2' } }),
      errors: [{ messageId: 'notAllowed', data: { to: 'S3.XLARGE.2' } }],
    },
    {
      name: 'the list is empty: no flavor is allowed',
      facts: buildFacts({ allowedTargets: [] }),
      errors: [{ messageId: 'notAllowed', data: { allowed: 'none (no flavor is allowed)' } }],
    },
    {
      name: 'exactly 8 flavors listed: all named, no "more"',
      facts: buildFacts({ allowedTargets: otherFlavors(8) }),
      errors: [{ messageId: 'notAllowed', data: { allowed: otherFlavors(8).join(', ') } }],
    },
    {
      name: '9 flavors listed: 8 named and 1 more',
      facts: buildFacts({ allowedTargets: otherFlavors(9) }),
      errors: [{ messageId: 'notAllowed', data: { allowed: `${otherFlavors(8).join(', ')} and 1 more` } }],
    },
    {
      name: '12 flavors listed: 8 named and 4 more',
      facts: buildFacts({ allowedTargets: otherFlavors(12) }),
      errors: [{ messageId: 'notAllowed', data: { allowed: `${otherFlavors(8).join(', ')} and 4 more` } }],
    },
    {
      name: 'the list is unknown',
      facts: buildFacts({ allowedTargets: undefined }),
      errors: [{ messageId: 'unverified', data: { to: 's3.xlarge.2', serverId: SERVER_ID } }],
    },
  ],
});
