import { describe, it } from 'vitest';
import { sameFamily } from '../../src/rules/same-family.js';
import type { FlavorFacts } from '../../src/index.js';
import { RuleTester, buildFacts } from '../../src/testing/index.js';

type Side = Pick<FlavorFacts, 'generation' | 'performanceType'>;

/** Facts from a flavor to a flavor, each known only by the fields given. */
const between = (from: Side, to: Side) =>
  buildFacts({
    server: { flavor: { performanceType: undefined, generation: undefined, ...from } },
    target: { performanceType: undefined, generation: undefined, ...to },
  });

new RuleTester({ describe, it }).run('same-family', sameFamily, {
  valid: [
    { name: 'general → general (seed facts)', facts: between({ generation: 's3' }, { generation: 'c6' }) },
    {
      name: 'general → memory-optimized',
      facts: between({ generation: 'm3', performanceType: 'highmem' }, { generation: 's3' }),
    },
    { name: 'GPU within its generation', facts: between({ generation: 'g6' }, { generation: 'G6' }) },
    {
      name: 'large memory within its generation',
      facts: between({ generation: 'e3', performanceType: 'saphana' }, { generation: 'e3', performanceType: 'saphana' }),
    },
    {
      name: 'only performance types known, none locked',
      facts: between({ performanceType: 'normal' }, { performanceType: 'computingv3' }),
    },
    {
      name: 'a type removed from the options',
      facts: between({ generation: 'g6' }, { generation: 's3' }),
      options: { performanceTypes: ['fpga', 'saphana'] },
    },
  ],
  invalid: [
    {
      name: 'GPU → general',
      facts: between({ generation: 'g6' }, { generation: 's3' }),
      errors: [{ messageId: 'otherFamily', data: { fromFamily: 'G6', toFamily: 'S3' }, severity: 'error' }],
    },
    {
      name: 'general → GPU',
      facts: between({ generation: 's3' }, { generation: 'p2v' }),
      errors: [{ messageId: 'otherFamily', data: { fromFamily: 'S3', toFamily: 'P2V' } }],
    },
    {
      name: 'GPU → another GPU generation',
      facts: between({ generation: 'pi2' }, { generation: 'g6' }),
      errors: [{ messageId: 'otherFamily', data: { fromFamily: 'PI2', toFamily: 'G6' } }],
    },
    {
      name: 'large memory → general (Ecs.0805)',
      facts: between({ generation: 'e3' }, { generation: 's3' }),
      errors: [{ messageId: 'otherFamily', data: { from: 's3.large.2', to: 's3.xlarge.2' } }],
    },
    {
      name: 'FPGA by performance type only → general',
      facts: between({ generation: 'x1', performanceType: 'FPGA' }, { generation: 's3' }),
      errors: [{ messageId: 'otherFamily', data: { fromFamily: 'X1' } }],
    },
    {
      name: 'a type added in the options',
      facts: between({ generation: 'm3', performanceType: 'highmem' }, { generation: 's3' }),
      options: { performanceTypes: ['highmem'] },
      errors: [{ messageId: 'otherFamily' }],
    },
    {
      name: 'GPU → generation unknown',
      facts: between({ generation: 'g6' }, { performanceType: 'gpu' }),
      errors: [{ messageId: 'unverified', data: { from: 's3.large.2', to: 's3.xlarge.2' }, severity: 'error' }],
    },
    {
      name: 'general → nothing known',
      facts: between({ generation: 's3' }, {}),
      errors: [{ messageId: 'unverified', severity: 'error' }],
    },
  ],
});
