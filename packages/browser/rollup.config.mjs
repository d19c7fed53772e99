// The browser bundles: an ES module and a minified IIFE (global `EcsResize`) with everything
// (client, rules, DOM helpers, and their ky and valibot), plus one bundled .d.ts.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { dts } from 'rollup-plugin-dts';

const input = 'src/index.ts';
const plugins = () => [nodeResolve({ browser: true }), typescript({ tsconfig: './tsconfig.build.json' })];

export default [
  {
    input,
    plugins: plugins(),
    output: [
      { file: 'dist/ecs-resize.js', format: 'es', sourcemap: true },
      { file: 'dist/ecs-resize.iife.js', format: 'iife', name: 'EcsResize', sourcemap: true, plugins: [terser()] },
    ],
  },
  {
    input,
    plugins: [dts({ tsconfig: './tsconfig.build.json' })],
    output: { file: 'dist/ecs-resize.d.ts', format: 'es' },
  },
];
