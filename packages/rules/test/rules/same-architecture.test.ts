import { describe, it } from 'vitest';
import { sameArchitecture } from '../../src/rules/same-architecture.js';
import type { FlavorFacts } from '../../src/index.js';
import { RuleTester, buildFacts } from '../../src/testing/index.js';

type Side = Pick<FlavorFacts, 'generation' | 'architecture'>;

/** Facts from a flavor to a flavor, each known only by the fields given. */
const between = (from: Side, to: Side) =>
  buildFacts({
    server: { flavor: { architecture: undefined, generation: undefined, ...from } },
    target: { architecture: undefined, generation: undefined, ...to },
  });

new RuleTester({ describe, it }).run('same-architecture', sameArchitecture, {
  valid: [
    { name: 'x86 → x86 by architecture', facts: between({ architecture: 'x86' }, { architecture: 'x86' }) },
    { name: 'arm → arm by architecture', facts: between({ architecture: 'arm' }, { architecture: 'arm' }) },
    { name: 's1 → s3 by generation (seed facts)', facts: between({ generation: 's1' }, { generation: 's3' }) },
    { name: 'kc1 → km1 by generation', facts: between({ generation: 'kc1' }, { generation: 'km1' }) },
    { name: 'architecture wins over the generation', facts: between({ architecture: 'arm' }, { generation: 'KC2' }) },
  ],
  invalid: [
    {
      name: 'x86 → arm by architecture',
      facts: between({ architecture: 'x86' }, { architecture: 'arm' }),
      errors: [{ messageId: 'otherArchitecture', data: { fromArchitecture: 'x86', toArchitecture: 'arm' }, severity: 'error' }],
    },
    {
      name: 's3 → kc1 by generation',
      facts: between({ generation: 's3' }, { generation: 'kc1' }),
      errors: [{ messageId: 'otherArchitecture', data: { from: 's3.large.2', to: 's3.xlarge.2', toArchitecture: 'arm' } }],
    },
    {
      name: 'arm → c6 by generation',
      facts: between({ architecture: 'arm' }, { generation: 'c6' }),
      errors: [{ messageId: 'otherArchitecture', data: { fromArchitecture: 'arm', toArchitecture: 'x86' } }],
    },
    {
      name: 'target unknown',
      facts: between({ generation: 's3' }, {}),
      errors: [{ messageId: 'unverified', data: { unknown: 's3.xlarge.2' }, severity: 'error' }],
    },
    {
      name: 'both unknown',
      facts: between({}, {}),
      errors: [{ messageId: 'unverified', data: { unknown: 's3.large.2 and s3.xlarge.2' }, severity: 'error' }],
    },
  ],
});
