import { nodeResolve } from '@rollup/plugin-node-resolve';
import { rollup } from 'rollup';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** The ES module the package ships (built by `pnpm run build`, which `pnpm test` runs first). */
const shipped = fileURLToPath(new URL('../dist/ecs-resize.js', import.meta.url));

/** Bundles `source` as a consumer would, against the shipped ES module; returns the code. */
async function consumerBundle(source: string): Promise<string> {
  const bundle = await rollup({
    input: 'consumer',
    plugins: [
      {
        name: 'consumer',
        resolveId: (id) => (id === 'consumer' ? id : id === '@ecs-resize/browser' ? shipped : null),
        load: (id) => (id === 'consumer' ? source : null),
      },
      nodeResolve({ browser: true }),
    ],
  });
  const { output } = await bundle.generate({ format: 'es' });
  await bundle.close();
  return output[0].code;
}

describe('the ES module tree-shakes', () => {
  it('a consumer importing only createEcsClient gets no rule, no engine and no DOM helper', async () => {
    const code = await consumerBundle("export { createEcsClient } from '@ecs-resize/browser';");
    expect(code).toContain('createEcsClient');
    for (const absent of [
      'xen-vbd-limit',
      'no-kvm-to-xen',
      'function createRuleEngine',
      'RuleConfigError',
      'function renderReport',
      'ecs-resize-check',
      'ecs-resize-console',
    ]) {
      expect(code, absent).not.toContain(absent);
    }
  });

  it('a consumer importing only the rules gets no HTTP client', async () => {
    const code = await consumerBundle("export { createRuleEngine } from '@ecs-resize/browser';");
    expect(code).toContain('xen-vbd-limit');
    for (const absent of ['function createEcsClient', 'X-Auth-Token', 'SDK-HMAC-SHA256', 'function renderReport']) {
      expect(code, absent).not.toContain(absent);
    }
  });
});
