import { SERVERS } from '@ecs-resize/emulator';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { EcsClient, Preflight } from '../src/index.js';
import { FAST_JOB_MS, clientOf, useEmulator } from './helpers.js';
import { bundlePage } from './page-bundle.js';

/** The ES modules the package ships (built by `pnpm run build`, which `pnpm test` runs first). */
const shipped = { '@ecs-resize/core': fileURLToPath(new URL('../dist/index.js', import.meta.url)) };

/** What only `collectFacts`, `check` and `checkTargets` need: the facts and their look-ups. */
const FACTS_ONLY = ['function _collectFacts', 'function assembleFacts', 'function flavorFacts', 'function checkTargets'];

describe('createEcsClient loads the facts when first asked for them', () => {
  it('a page calling createEcsClient loads every operation at once, the facts on use', async () => {
    const { atOnce, onUse } = await bundlePage("export { createEcsClient } from '@ecs-resize/core';", shipped);
    expect(atOnce).toContain('function createEcsClient');
    for (const operation of ['function _listResizeFlavors', 'function _getVolumes', 'function waitForJob']) {
      expect(atOnce, operation).toContain(operation);
    }
    for (const fact of FACTS_ONLY) {
      expect(atOnce, fact).not.toContain(fact);
      expect(onUse, fact).toContain(fact);
    }
  });

  const emulator = useEmulator({ jobDurationMs: FAST_JOB_MS });
  const preflight: Preflight = { check: () => ({ ok: true, findings: [] }) };

  it.each<[string, (client: EcsClient) => Promise<unknown>, (result: unknown) => void]>([
    [
      'collectFacts',
      (client) => client.collectFacts(SERVERS.kvmStopped, 's3.xlarge.2'),
      (facts) => expect(facts).toMatchObject({ allowedTargets: expect.arrayContaining(['s3.xlarge.2']) }),
    ],
    [
      'check',
      (client) => client.check(SERVERS.kvmStopped, 's3.xlarge.2', { preflight }),
      (result) =>
        expect(result).toMatchObject({
          facts: { allowedTargets: expect.arrayContaining(['s3.xlarge.2']) },
          report: { ok: true },
        }),
    ],
    [
      'checkTargets',
      (client) => client.checkTargets(SERVERS.kvmStopped, { preflight }),
      (targets) => expect((targets as unknown[]).length).toBeGreaterThan(0),
    ],
  ])('client.%s works through the chunk it loads', async (_, call, expectResult) => {
    expectResult(await call(clientOf(emulator())));
  });

  it.each<[string, (client: EcsClient) => Promise<unknown>]>([
    ['collectFacts', (client) => client.collectFacts('not-a-uuid', 's3.xlarge.2')],
    ['check', (client) => client.check('not-a-uuid', 's3.xlarge.2', { preflight })],
    ['checkTargets', (client) => client.checkTargets('not-a-uuid', { preflight })],
  ])('client.%s still refuses bad input as a rejection, before anything is sent', async (_, call) => {
    const client = clientOf(emulator());
    const before = emulator().state.countRequests();
    await expect(call(client)).rejects.toMatchObject({ name: 'EcsInputError' });
    expect(emulator().state.countRequests()).toBe(before);
  });
});
