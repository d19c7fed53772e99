// Measures the reference bundle the size comparison needs, with the same bundler settings as
// ours (rollup + node-resolve for browsers + terser, gzip -9): an AWS SDK v3 page that modifies an
// instance's type and waits for it, ModifyInstanceAttribute + a waiter. The SDK is installed on
// first use into .bench/aws (git-ignored), never into the workspace.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { rollup } from 'rollup';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** The folder the reference packages are installed in, apart from the workspace. */
const referenceDir = fileURLToPath(new URL('../../.bench/aws/', import.meta.url));

/** What is installed there: the SDK, and the CommonJS and JSON plugins some of its dependencies need. */
const REFERENCE_PACKAGES = ['@aws-sdk/client-ec2@3', '@rollup/plugin-commonjs@28', '@rollup/plugin-json@6'];

/** Installs the reference packages once. */
function installReferences() {
  if (existsSync(`${referenceDir}node_modules/@aws-sdk/client-ec2`)) return;
  mkdirSync(referenceDir, { recursive: true });
  // Its own package.json, so that npm does not take the workspace root for the project.
  writeFileSync(`${referenceDir}package.json`, '{ "private": true }\n');
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...REFERENCE_PACKAGES], {
    cwd: referenceDir,
    stdio: 'inherit',
  });
}

/** The AWS page: the EC2 client, the instance-type change, and the waiter for the stopped instance. */
const AWS_SOURCE = "export { EC2Client, ModifyInstanceAttributeCommand, waitUntilInstanceStopped } from '@aws-sdk/client-ec2';";

/**
 * Bundles the AWS page and returns its minified and gzip sizes, every chunk counted (the SDK
 * splits a lazily loaded chunk off, which the page needs all the same).
 */
export async function measureReferenceBundles() {
  installReferences();
  const require = createRequire(`${referenceDir}package.json`);
  const commonjs = (await import(require.resolve('@rollup/plugin-commonjs'))).default;
  const json = (await import(require.resolve('@rollup/plugin-json'))).default;
  const entry = `${referenceDir}entry.js`;
  const bundle = await rollup({
    input: entry,
    onwarn: () => undefined,
    plugins: [
      { name: 'entry', resolveId: (id) => (id === entry ? id : null), load: (id) => (id === entry ? AWS_SOURCE : null) },
      nodeResolve({ browser: true }),
      commonjs(),
      json(),
      terser(),
    ],
  });
  const { output } = await bundle.generate({ format: 'es' });
  await bundle.close();
  const code = output.map((chunk) => (chunk.type === 'chunk' ? chunk.code : '')).join('\n');
  return [
    {
      name: 'reference: AWS SDK v3, EC2Client + ModifyInstanceAttribute + waitUntilInstanceStopped',
      minified: code.length,
      gzip: gzipSync(code, { level: 9 }).length,
    },
  ];
}
