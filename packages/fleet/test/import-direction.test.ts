/**
 * The direction of the package's dependencies (design.md): fleet imports core; rules only as
 * the preflight port (types), never at run time; never the CLI, nor the emulator outside its
 * tests. Its main entry is isomorphic: no module it loads imports a Node built-in.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

/** One import or re-export of a source file. */
interface ImportOf {
  /** The file, relative to src/. */
  file: string;
  /** What it imports, as written. */
  specifier: string;
  /** Whether it is erased at run time (`import type`, `export type`). */
  typeOnly: boolean;
}

/** Every `import … from` and `export … from` of `code`. */
function importsOf(file: string, code: string): ImportOf[] {
  const statement = /^\s*(import|export)\s+(type\s+)?[^'";]*?from\s+['"]([^'"]+)['"]/gms;
  return [...code.matchAll(statement)].map(([, , type, specifier]) => ({ file, specifier: specifier!, typeOnly: !!type }));
}

/** The TypeScript files under `dir`, relative to src/. */
const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [relative(SRC, join(dir, entry.name))]
        : [],
  );

const IMPORTS = sourceFiles(SRC).flatMap((file) => importsOf(file, readFileSync(join(SRC, file), 'utf8')));

/** The files the main entry loads at run time, following relative imports from src/index.ts. */
function loadedByMainEntry(): Set<string> {
  const loaded = new Set<string>();
  const visit = (file: string): void => {
    if (loaded.has(file)) return;
    loaded.add(file);
    for (const { specifier, typeOnly } of IMPORTS.filter((item) => item.file === file)) {
      if (!typeOnly && specifier.startsWith('.'))
        visit(relative(SRC, resolve(SRC, dirname(file), specifier.replace(/\.js$/, '.ts'))));
    }
  };
  visit('index.ts');
  return loaded;
}

describe('fleet imports in the direction of the design', () => {
  it('reads imports from every source file (the scan sees them)', () => {
    expect(IMPORTS.some(({ specifier }) => specifier === '@ecs-resize/core')).toBe(true);
    expect(IMPORTS.some(({ specifier }) => specifier === 'node:fs')).toBe(true);
  });

  it.each([
    ['@ecs-resize/cli', /^@ecs-resize\/cli(\/|$)/],
    ['@ecs-resize/emulator', /^@ecs-resize\/emulator(\/|$)/],
    ['@ecs-resize/browser', /^@ecs-resize\/browser(\/|$)/],
    ['another package by path', /^\.\.\/\.\.\//],
  ])('no source imports %s', (_, pattern) => {
    expect(IMPORTS.filter(({ specifier }) => pattern.test(specifier))).toEqual([]);
  });

  it('rules only as types (the preflight port), never at run time', () => {
    expect(IMPORTS.filter(({ specifier, typeOnly }) => specifier.startsWith('@ecs-resize/rules') && !typeOnly)).toEqual([]);
  });

  it('the main entry loads no Node built-in: node:fs is the journal subpath only', () => {
    const loaded = loadedByMainEntry();
    expect(loaded).toContain('plan-fleet.ts');
    expect(loaded).not.toContain(join('journal', 'index.ts'));
    const nodeImports = IMPORTS.filter(
      ({ file, specifier, typeOnly }) => loaded.has(file) && !typeOnly && specifier.startsWith('node:'),
    );
    expect(nodeImports).toEqual([]);
  });
});
