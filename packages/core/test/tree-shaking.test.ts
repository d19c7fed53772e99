import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundlePage } from './page-bundle.js';

/** The ES modules the package ships (built by `pnpm run build`, which `pnpm test` runs first). */
const shipped = fileURLToPath(new URL('../dist/index.js', import.meta.url));

/** `source` bundled as a console page would, against the shipped modules (`bundlePage`). */
const pageBundle = (source: string) => bundlePage(source, { '@ecs-resize/core': shipped });

/**
 * What only a preflight or a check needs: the look-ups and the facts. (Fleets are
 * `@ecs-resize/fleet`'s: its tree-shaking.test.ts checks what a fleet page loads.)
 */
const PREFLIGHT_ONLY = [
  'function _collectFacts',
  'function assembleFacts',
  'function flavorFacts',
  'function _listResizeFlavors',
  'function _getVolumes',
  'function checkTargets',
  'class PreflightError',
];

describe('the modular form tree-shakes', () => {
  it.each([
    ['createEcsConnection, resize, waitForJob', "export { createEcsConnection, resize, waitForJob } from '@ecs-resize/core';"],
    ['createEcsConnection, getServer', "export { createEcsConnection, getServer } from '@ecs-resize/core';"],
  ])('a page calling %s loads no look-up, no facts', async (_, source) => {
    const { atOnce } = await pageBundle(source);
    expect(atOnce).toContain('function createEcsConnection');
    for (const absent of PREFLIGHT_ONLY) expect(atOnce, absent).not.toContain(absent);
  });

  it('resize keeps its preflight, loaded on use: the check chunk has the facts', async () => {
    const { atOnce, onUse } = await pageBundle("export { createEcsConnection, resize } from '@ecs-resize/core';");
    expect(atOnce).toMatch(/import\(['"]\.\/check-[\w-]+\.js['"]\)/);
    for (const present of ['function _collectFacts', 'function assembleFacts', 'class PreflightError']) {
      expect(onUse, present).toContain(present);
    }
  });

  it('a page calling check loads the facts at once, and no other target', async () => {
    const { atOnce } = await pageBundle("export { createEcsConnection, check } from '@ecs-resize/core';");
    expect(atOnce).toContain('function _collectFacts');
    expect(atOnce).not.toContain('function checkTargets');
  });

  it('core ships no fleet: planning and applying fleets are @ecs-resize/fleet', async () => {
    const { atOnce, onUse } = await pageBundle("export * from '@ecs-resize/core';");
    expect(atOnce).toContain('function checkTargets');
    for (const absent of ['function planFleet', 'function applyFleet', 'function readFleetJournal']) {
      expect(atOnce + onUse, absent).not.toContain(absent);
    }
  });
});
