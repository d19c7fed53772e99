import { nodeResolve } from '@rollup/plugin-node-resolve';
import { rollup, type OutputChunk } from 'rollup';

/** What a page loads: at once (its entry and the chunks that imports statically), and through `import()`. */
export interface PageBundle {
  /** The code the page loads at once. */
  atOnce: string;
  /** The code loaded only through `import()`. */
  onUse: string;
}

/**
 * Bundles `source` as a console page would (rollup, browser resolution), against the shipped
 * modules: `shipped` maps a package name to the file its import resolves to (its built
 * `dist/index.js`); everything else resolves as in node_modules. Node's built-ins stay
 * imports (`from 'node:fs'`), which a browser page cannot load.
 */
export async function bundlePage(source: string, shipped: Readonly<Record<string, string>>): Promise<PageBundle> {
  const bundle = await rollup({
    input: 'page',
    external: (id) => id.startsWith('node:'),
    plugins: [
      {
        name: 'page',
        resolveId: (id) => (id === 'page' ? id : (shipped[id] ?? null)),
        load: (id) => (id === 'page' ? source : null),
      },
      nodeResolve({ browser: true }),
    ],
  });
  const { output } = await bundle.generate({ format: 'es' });
  await bundle.close();
  const chunks = new Map(output.flatMap((item) => (item.type === 'chunk' ? [[item.fileName, item] as const] : [])));
  const loaded = new Set<OutputChunk>();
  const visit = (chunk: OutputChunk | undefined): void => {
    if (!chunk || loaded.has(chunk)) return;
    loaded.add(chunk);
    chunk.imports.forEach((fileName) => visit(chunks.get(fileName)));
  };
  visit([...chunks.values()].find((chunk) => chunk.isEntry));
  const code = (list: Iterable<OutputChunk>) => [...list].map((chunk) => chunk.code).join('\n');
  return { atOnce: code(loaded), onUse: code([...chunks.values()].filter((chunk) => !loaded.has(chunk))) };
}
