// dist/bin.js, the `ecs-resize` executable: the compiled CLI (dist/main.js, from tsc) and
// everything it imports (core, rules, ky, valibot) in one file, so that Node starts it
// without resolving and loading a hundred modules. Node's built-ins stay imports, and so does
// @ecs-resize/emulator: an optional peer, installed on its own, that `ecs-resize emulator`
// loads with import() when it runs.
import { nodeResolve } from '@rollup/plugin-node-resolve';

export default {
  input: 'dist/main.js',
  external: [/^node:/, '@ecs-resize/emulator'],
  plugins: [nodeResolve({ exportConditions: ['node'], preferBuiltins: true })],
  output: { file: 'dist/bin.js', format: 'es', inlineDynamicImports: true },
};
