// Builds the demo and the workspace packages it runs on, only those whose sources changed
// since their last build, and silently: `pnpm start` shows the demo, not the build. A package
// is stale when a file of its own (src/, package.json, tsconfig*.json, rollup.config.mjs) or
// the build of a workspace package it depends on is newer than the newest file of its dist/.
// On a failed build, prints that build's output and exits with its code.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const packagesDir = join(root, 'packages');

/** The workspace packages by name: their directory and manifest. */
const workspace = new Map(
  readdirSync(packagesDir)
    .map((name) => join(packagesDir, name))
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      return [manifest.name, { dir, manifest }];
    }),
);

/** The newest modification time of `path` and, for a directory, of everything under it (0 when absent). */
function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}

/** The package's own build inputs, newest first. */
function newestInput(dir) {
  const configs = readdirSync(dir).filter((file) => /^(package\.json|tsconfig.*\.json|rollup\.config\.mjs)$/.test(file));
  return Math.max(newestMtime(join(dir, 'src')), ...configs.map((file) => newestMtime(join(dir, file))));
}

/** The workspace packages `name` runs on (its dependencies, theirs, …), then `name`: build order. */
function buildOrder(name, order = []) {
  const entry = workspace.get(name);
  if (entry === undefined || order.includes(name)) return order;
  for (const dependency of Object.keys(entry.manifest.dependencies ?? {})) buildOrder(dependency, order);
  order.push(name);
  return order;
}

/** When each package's build was last made (newest file of its dist/), after building it if stale. */
const built = new Map();
for (const name of buildOrder('@ecs-resize/demo')) {
  const { dir, manifest } = workspace.get(name);
  const dependencies = Object.keys(manifest.dependencies ?? {}).map((dependency) => built.get(dependency) ?? 0);
  const output = newestMtime(join(dir, 'dist'));
  if (output === 0 || Math.max(newestInput(dir), ...dependencies) > output) {
    const bin = [join(dir, 'node_modules', '.bin'), join(root, 'node_modules', '.bin'), process.env.PATH].join(delimiter);
    const run = spawnSync(manifest.scripts.build, {
      cwd: dir,
      shell: true,
      encoding: 'utf8',
      env: { ...process.env, PATH: bin },
    });
    if (run.status !== 0) {
      process.stderr.write(`Building ${name} failed (${manifest.scripts.build}):\n${run.stdout}${run.stderr}`);
      process.exit(run.status ?? 1);
    }
  }
  built.set(name, newestMtime(join(dir, 'dist')));
}
