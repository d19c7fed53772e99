import { readFileSync } from 'node:fs';

/** The version of `@ecs-resize/cli`, from its package.json (beside `src/` and `dist/`). */
export function cliVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}
