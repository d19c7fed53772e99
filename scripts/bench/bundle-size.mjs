// Measures the gzip size of a browser bundle of @ecs-resize/core, built with rollup the way
// a console would bundle it: only what an entry imports, minified, gzip level 9.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { rollup } from 'rollup';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const coreEntry = fileURLToPath(new URL('../../packages/core/dist/index.js', import.meta.url));

/** Bundles `source` (an ES module importing core) and returns its minified and gzip sizes. */
async function bundleSize(source) {
  const bundle = await rollup({
    input: 'entry',
    plugins: [
      {
        name: 'entry',
        resolveId: (id) => (id === 'entry' ? id : id === '@ecs-resize/core' ? coreEntry : null),
        load: (id) => (id === 'entry' ? source : null),
      },
      nodeResolve({ browser: true }),
      terser(),
    ],
  });
  const { output } = await bundle.generate({ format: 'es' });
  await bundle.close();
  const code = output[0].code;
  return { minified: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

/**
 * The bundles measured. `budget` (gzip bytes) is the hard limit CI enforces, set just above
 * the size measured when it was last raised; `goal` is where we want to get.
 */
export const bundles = [
  {
    name: 'core: createEcsClient (resize, waitForJob, look-ups) + signRequest',
    source: "export { createEcsClient, signRequest } from '@ecs-resize/core';",
    budget: 16_300,
    goal: 8 * 1024,
  },
  { name: 'core: signRequest alone', source: "export { signRequest } from '@ecs-resize/core';", budget: 3_000 },
];

/** Measures every bundle. */
export async function measureBundles() {
  const results = [];
  for (const bundle of bundles) results.push({ ...bundle, ...(await bundleSize(bundle.source)) });
  return results;
}
