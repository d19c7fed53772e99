import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundlePage } from '../../core/test/page-bundle.js';

/** The ES modules the packages ship (built by `pnpm run build`, which `pnpm test` runs first). */
const SHIPPED = {
  '@ecs-resize/core': fileURLToPath(new URL('../../core/dist/index.js', import.meta.url)),
  '@ecs-resize/fleet': fileURLToPath(new URL('../dist/index.js', import.meta.url)),
  '@ecs-resize/fleet/journal': fileURLToPath(new URL('../dist/journal/index.js', import.meta.url)),
};

/** A Node built-in imported by the bundle: a browser page cannot load it. */
const NODE_IMPORT = /from ['"]node:/;

describe('the main entry is isomorphic and tree-shakes', () => {
  it.each([
    ['planFleet', "export { planFleet } from '@ecs-resize/fleet';", 'function planFleet'],
    ['applyFleet', "export { applyFleet } from '@ecs-resize/fleet';", 'function applyFleet'],
    ['planFleetWithJournal', "export { planFleetWithJournal } from '@ecs-resize/fleet';", 'function planFleetWithJournal'],
  ])('a page calling %s loads no Node built-in and no file journal', async (_, source, present) => {
    const { atOnce, onUse } = await bundlePage(source, SHIPPED);
    expect(atOnce).toContain(present);
    expect(atOnce + onUse).not.toMatch(NODE_IMPORT);
    expect(atOnce + onUse).not.toContain('function openJournal');
  });

  it('a page reading a journal with readFleetJournal loads no planning, no applying, no look-up', async () => {
    const { atOnce } = await bundlePage("export { readFleetJournal } from '@ecs-resize/fleet';", SHIPPED);
    expect(atOnce).toContain('function readFleetJournal');
    for (const absent of ['function planFleet', 'function applyFleet', 'function _collectFacts', 'function _listResizeFlavors']) {
      expect(atOnce, absent).not.toContain(absent);
    }
  });

  it('a page calling core alone loads no fleet', async () => {
    const { atOnce } = await bundlePage("export { createEcsConnection, resize, waitForJob } from '@ecs-resize/core';", SHIPPED);
    expect(atOnce).toContain('function createEcsConnection');
    for (const absent of ['function planFleet', 'function applyFleet', 'function readFleetJournal']) {
      expect(atOnce, absent).not.toContain(absent);
    }
  });

  it('the file journal is the Node-only subpath: it imports node:fs', async () => {
    const { atOnce } = await bundlePage("export { openJournal } from '@ecs-resize/fleet/journal';", SHIPPED);
    expect(atOnce).toContain('function openJournal');
    expect(atOnce).toMatch(NODE_IMPORT);
  });
});
