/**
 * `@ecs-resize/core/internal` has no semver promise: a package of this repository that imports
 * it must depend on core's exact version (`workspace:*`, which pnpm publishes as `0.1.0`, where
 * `workspace:^` would publish `^0.1.0` and let a newer core break it).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const PACKAGES = fileURLToPath(new URL('../../', import.meta.url));

/** Whether a TypeScript file under `dir` imports `@ecs-resize/core/internal`. */
const importsCoreInternal = (dir: string): boolean =>
  readdirSync(dir, { withFileTypes: true }).some((entry) =>
    entry.isDirectory()
      ? importsCoreInternal(join(dir, entry.name))
      : entry.name.endsWith('.ts') && readFileSync(join(dir, entry.name), 'utf8').includes("'@ecs-resize/core/internal'"),
  );

/** The packages whose sources import core's internal entry, core itself left out. */
const IMPORTERS = readdirSync(PACKAGES).filter((name) => name !== 'core' && importsCoreInternal(join(PACKAGES, name, 'src')));

describe('a package that imports @ecs-resize/core/internal pins core exactly', () => {
  it('fleet and the CLI are among them (the scan finds the imports)', () => {
    expect(IMPORTERS).toEqual(expect.arrayContaining(['cli', 'fleet']));
  });

  it.each(IMPORTERS)('%s depends on @ecs-resize/core: workspace:*', (name) => {
    const manifest = JSON.parse(readFileSync(join(PACKAGES, name, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    expect(manifest.dependencies?.['@ecs-resize/core']).toBe('workspace:*');
  });
});
