import { nodeResolve } from '@rollup/plugin-node-resolve';
import { rollup, type OutputChunk } from 'rollup';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** The ES modules the package ships (built by `pnpm run build`, which `pnpm test` runs first). */
const shipped = fileURLToPath(new URL('../dist/index.js', import.meta.url));

/**
 * Bundles `source` as a console page would, against the shipped modules; returns the code the
 * page loads at once (its entry and the chunks that imports statically) and the code loaded
 * only through `import()`.
 */
async function pageBundle(source: string): Promise<{ atOnce: string; onUse: string }> {
  const bundle = await rollup({
    input: 'page',
    plugins: [
      {
        name: 'page',
        resolveId: (id) => (id === 'page' ? id : id === '@ecs-resize/core' ? shipped : null),
        load: (id) => (id === 'page' ? source : null),
      },
      nodeResolve({ browser: true }),
    ],
  });
  const { output } = await bundle.generate({ format: 'es' });
  await bundle.close();
  const chunks = new Map(output.flatMap((item) => (item.type === 'chunk' ? [[item.fileName, item] as const] : [])));
  const loaded = new Set<OutputChunk>();
  const visit = (chunk: OutputChunk | undefined): void => {
    if (!chunk || loaded.has(chunk)) return;
    loaded.add(chunk);
    chunk.imports.forEach((fileName) => visit(chunks.get(fileName)));
  };
  visit([...chunks.values()].find((chunk) => chunk.isEntry));
  const code = (list: Iterable<OutputChunk>) => [...list].map((chunk) => chunk.code).join('\n');
  return { atOnce: code(loaded), onUse: code([...chunks.values()].filter((chunk) => !loaded.has(chunk))) };
}

/** What only a preflight, a check or a fleet needs: the look-ups, the facts, the fleet. */
const PREFLIGHT_ONLY = [
  'function _collectFacts',
  'function assembleFacts',
  'function flavorFacts',
  'function _listResizeFlavors',
  'function _getVolumes',
  'function checkTargets',
  'function planFleet',
  'class PreflightError',
];

describe('the modular form tree-shakes', () => {
  it.each([
    ['createEcsConnection, resize, waitForJob', "export { createEcsConnection, resize, waitForJob } from '@ecs-resize/core';"],
    ['createEcsConnection, getServer', "export { createEcsConnection, getServer } from '@ecs-resize/core';"],
  ])('a page calling %s loads no look-up, no facts, no fleet', async (_, source) => {
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

  it('a page calling check loads the facts at once, and no fleet', async () => {
    const { atOnce } = await pageBundle("export { createEcsConnection, check } from '@ecs-resize/core';");
    expect(atOnce).toContain('function _collectFacts');
    expect(atOnce).not.toContain('function planFleet');
  });
});
