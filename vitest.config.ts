import { defineConfig } from 'vitest/config';

/** Workspace packages resolve to their TypeScript sources: tests never need a build first. */
const resolve = { conditions: ['@ecs-resize/source', 'module', 'browser', 'development|production'] };

export default defineConfig({
  resolve,
  ssr: { resolve: { conditions: ['@ecs-resize/source', 'module', 'node', 'development|production'] } },
  test: {
    include: ['packages/*/test/**/*.test.ts'],
    testTimeout: 20_000,
    reporters: ['default', './config/summary-reporter.ts'],
  },
});
