// dist/bin.js, the `ecs-resize` executable: the compiled CLI (dist/main.js, from tsc) and
// everything it imports (core, rules, ky, valibot), bundled so that Node starts it without
// resolving and loading a hundred modules. What is loaded with import() (the HTTP client, made
// when a command first calls the API) goes into chunks of its own in dist/chunks/, so that
// `--help`, `completion` and usage errors do not load it. Node's built-ins stay imports, and so
// does @ecs-resize/emulator: an optional peer, installed on its own, that `ecs-resize emulator`
// loads with import() when it runs.
import { rmSync } from 'node:fs';
import { nodeResolve } from '@rollup/plugin-node-resolve';

/** Empties dist/chunks before a build, so that no chunk of an earlier build is left to publish. */
const removeOldChunks = { name: 'remove-old-chunks', buildStart: () => rmSync('dist/chunks', { recursive: true, force: true }) };

export default {
  input: { bin: 'dist/main.js' },
  external: [/^node:/, '@ecs-resize/emulator'],
  plugins: [removeOldChunks, nodeResolve({ exportConditions: ['node'], preferBuiltins: true })],
  output: { dir: 'dist', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
};
