// dist/bin.js, the `ecs-resize` executable: the compiled CLI (dist/main.js, from tsc) and
// everything it imports (core, rules, ky, valibot) in one file, so that Node starts it
// without resolving and loading a hundred modules. Node's built-ins stay imports.
import { nodeResolve } from '@rollup/plugin-node-resolve';

export default {
  input: 'dist/main.js',
  external: [/^node:/],
  plugins: [nodeResolve({ exportConditions: ['node'], preferBuiltins: true })],
  output: { file: 'dist/bin.js', format: 'es', inlineDynamicImports: true },
};
