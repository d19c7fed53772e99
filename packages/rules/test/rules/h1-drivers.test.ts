import { describe, it } from 'vitest';
import { h1Drivers } from '../../src/rules/h1-drivers.js';
import { RuleTester, buildFacts, type FactsOverrides } from '../../src/testing/index.js';
import type { ResizeFacts } from '../../src/index.js';

/** A resize from generation `from` to generation `to` (`undefined`: unknown), with flavor ids to match. */
function resizeGenerations(
  from: string | undefined,
  to: string | undefined,
  overrides: Omit<FactsOverrides, 'server' | 'target'> = {},
): ResizeFacts {
  return buildFacts({
    ...overrides,
    server: { flavor: { id: `${from ?? 'x'}.large.2`.toLowerCase(), generation: from } },
    target: { id: `${to ?? 'y'}.large.4`.toLowerCase(), generation: to },
  });
}

const confirmed = { confirmations: { h1Drivers: true } };
const denied = { confirmations: { h1Drivers: false } };

new RuleTester({ describe, it }).run('h1-drivers', h1Drivers, {
  valid: [
    { name: 's3 → s3 (the default facts)', facts: buildFacts() },
    { name: 'h1 → h1', facts: resizeGenerations('h1', 'h1') },
    { name: 's3 → h1', facts: resizeGenerations('s3', 'h1') },
    { name: 's1 → s3: not to H1', facts: resizeGenerations('s1', 's3') },
    { name: 's1 → h2: not to H1', facts: resizeGenerations('s1', 'h2') },
    ...['s1', 'c1', 'c2', 'm1'].map((generation) => ({
      name: `${generation} → h1, driver confirmed`,
      facts: resizeGenerations(generation, 'h1', confirmed),
    })),
    { name: 'unknown → s3: a target other than H1 decides it', facts: resizeGenerations(undefined, 's3') },
    { name: 's3 → unknown: a source other than S1/C1/C2/M1 decides it', facts: resizeGenerations('s3', undefined) },
    { name: 'H1 → unknown in upper case', facts: resizeGenerations('H1', undefined) },
    { name: 'unknown → h1, driver confirmed', facts: resizeGenerations(undefined, 'h1', confirmed) },
    { name: 's1 → unknown, driver confirmed', facts: resizeGenerations('s1', undefined, confirmed) },
    { name: 'unknown → unknown, driver confirmed', facts: resizeGenerations(undefined, undefined, confirmed) },
  ],
  invalid: [
    ...['s1', 'c1', 'c2', 'm1'].map((generation) => ({
      name: `${generation} → h1, no confirmations`,
      facts: resizeGenerations(generation, 'h1'),
      errors: [
        {
          messageId: 'driversNotConfirmed',
          data: { fromGeneration: generation.toUpperCase(), from: `${generation}.large.2`, to: 'h1.large.4' },
        },
      ],
    })),
    {
      name: 's1 → h1, driver denied',
      facts: resizeGenerations('s1', 'h1', denied),
      errors: [{ messageId: 'driversNotConfirmed', data: { fromGeneration: 'S1' } }],
    },
    {
      name: 's1 → h1, confirmations without this one',
      facts: resizeGenerations('s1', 'h1', { confirmations: {} }),
      errors: [{ messageId: 'driversNotConfirmed' }],
    },
    {
      name: 's1 → h1, only the Xen → KVM drivers confirmed',
      facts: resizeGenerations('s1', 'h1', { confirmations: { xenToKvmDrivers: true } }),
      errors: [{ messageId: 'driversNotConfirmed' }],
    },
    {
      name: 'S1 → H1 in upper case',
      facts: resizeGenerations('S1', 'H1'),
      errors: [{ messageId: 'driversNotConfirmed', data: { fromGeneration: 'S1' } }],
    },
    {
      name: 'S1 → h1 in mixed case',
      facts: resizeGenerations('S1', 'h1'),
      errors: [{ messageId: 'driversNotConfirmed', data: { fromGeneration: 'S1' } }],
    },
    {
      name: 'unknown → h1',
      facts: resizeGenerations(undefined, 'h1'),
      errors: [{ messageId: 'unverified', data: { from: 'x.large.2', to: 'h1.large.4' } }],
    },
    {
      name: 's1 → unknown',
      facts: resizeGenerations('s1', undefined),
      errors: [{ messageId: 'unverified', data: { from: 's1.large.2', to: 'y.large.4' } }],
    },
    { name: 'unknown → unknown', facts: resizeGenerations(undefined, undefined), errors: [{ messageId: 'unverified' }] },
    {
      name: 'unknown → h1, driver denied',
      facts: resizeGenerations(undefined, 'h1', denied),
      errors: [{ messageId: 'unverified' }],
    },
  ],
});
