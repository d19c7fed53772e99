import { describe, it } from 'vitest';
import { resizableSource } from '../../src/rules/resizable-source.js';
import type { FlavorFacts } from '../../src/index.js';
import { RuleTester, buildFacts } from '../../src/testing/index.js';
import { SERVER_ID } from '../helpers.js';

type Source = Pick<FlavorFacts, 'generation' | 'performanceType' | 'localDisks'>;

/** Facts whose current flavor is known only by the fields given. */
const from = (source: Source) =>
  buildFacts({
    server: { flavor: { generation: undefined, performanceType: undefined, localDisks: undefined, ...source } },
  });

new RuleTester({ describe, it }).run('resizable-source', resizableSource, {
  valid: [
    { name: 's3 (seed facts)', facts: from({ generation: 's3' }) },
    { name: 'h1 is not h2', facts: from({ generation: 'h1' }) },
    { name: 'hi3 is not an I series', facts: from({ generation: 'hi3' }) },
    { name: 'no local disks by the spec', facts: from({ generation: 'c6', localDisks: false, performanceType: 'computingv3' }) },
    { name: 'a generation removed from the options', facts: from({ generation: 'h2' }), options: { generations: ['p1'] } },
  ],
  invalid: [
    ...['h2', 'Hl1', 'P1', 'p2'].map((generation) => ({
      name: `generation ${generation}`,
      facts: from({ generation }),
      errors: [
        {
          messageId: 'generationNotResizable',
          data: { serverId: SERVER_ID, from: 's3.large.2', generation: generation.toUpperCase() },
          severity: 'error' as const,
        },
      ],
    })),
    {
      name: 'a generation added in the options',
      facts: from({ generation: 's3' }),
      options: { generations: ['S3'] },
      errors: [{ messageId: 'generationNotResizable' }],
    },
    {
      name: 'local disks by the spec',
      facts: from({ generation: 's3', localDisks: true }),
      errors: [{ messageId: 'localDisks' }],
    },
    {
      name: 'disk-intensive by type',
      facts: from({ generation: 'x9', performanceType: 'diskintensive' }),
      errors: [{ messageId: 'localDisks' }],
    },
    {
      name: 'ultra-high I/O by type',
      facts: from({ generation: 'x9', performanceType: 'highio' }),
      errors: [{ messageId: 'localDisks' }],
    },
    {
      name: 'D series by generation',
      facts: from({ generation: 'd2' }),
      errors: [{ messageId: 'localDisks', data: { serverId: SERVER_ID } }],
    },
    { name: 'I series by generation', facts: from({ generation: 'i3' }), errors: [{ messageId: 'localDisks' }] },
    {
      name: 'generation unknown, local disks unknown',
      facts: from({}),
      errors: [{ messageId: 'unverified', data: { serverId: SERVER_ID, from: 's3.large.2' }, severity: 'error' }],
    },
    {
      name: 'generation unknown, no local disks',
      facts: from({ localDisks: false }),
      errors: [{ messageId: 'unverified', severity: 'error' }],
    },
  ],
});
