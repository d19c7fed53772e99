/**
 * The hint table of API errors is loaded with the client, not with every error: a page bundling
 * only the modular operations leaves it out (its errors have no `hint`), while `createEcsClient`,
 * and so every import of the package entry (Node, the CLI, the browser IIFE), installs it.
 */
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { bundlePage } from './page-bundle.js';

/** The ES modules the package ships (built by `pnpm run build`, which `pnpm test` runs first). */
const shipped = { '@ecs-resize/core': fileURLToPath(new URL('../dist/index.js', import.meta.url)) };

/** Words of the hint table alone: its endpoint advice, and a code's. */
const TABLE_WORDS = ['Is the endpoint right?', 'settle the account before resizing'];

describe('a page bundles the hint table only with the client', () => {
  it.each([
    { page: 'createEcsConnection, resize, waitForJob', bundled: false },
    { page: 'createEcsConnection, getServer', bundled: false },
    { page: 'EcsApiError', bundled: false },
    { page: 'createEcsClient', bundled: true },
  ])('a page of $page: the table bundled, $bundled', async ({ page, bundled }) => {
    const source = `export { ${page} } from '@ecs-resize/core';`;
    const { atOnce, onUse } = await bundlePage(source, shipped);
    for (const words of TABLE_WORDS) expect(atOnce.includes(words), words).toBe(bundled);
    for (const words of TABLE_WORDS) expect(onUse, words).not.toContain(words);
    expect(atOnce.includes('installApiErrorAdvice(hintFor)')).toBe(bundled);
  });
});

describe('an EcsApiError has a hint once the client is loaded', () => {
  beforeEach(() => {
    vi.resetModules();
  });

  /** A 403 and a locked server's refusal: both have advice in the table. */
  const answers = [
    { status: 403, code: undefined, hint: /Permission denied/ },
    { status: 409, code: 'Ecs.0605', hint: /unlock it/ },
  ];

  it.each(answers)('HTTP $status $code: no hint before, the table’s after', async ({ status, code, hint }) => {
    const { EcsApiError } = await import('../src/errors/EcsApiError.js');
    const init = { status, code, method: 'GET', url: 'https://ecs.example/v1/p/cloudservers/s' };
    const before = new EcsApiError(init);
    expect(before.hint).toBeUndefined();
    expect(before.message).toMatch(/ — GET https:\/\/ecs\.example\/v1\/p\/cloudservers\/s\.$/);

    await import('../src/client/create-ecs-client.js');
    const after = new EcsApiError(init);
    expect(after.hint).toMatch(hint);
    expect(after.message.endsWith(`. ${after.hint}`)).toBe(true);
  });

  it.each(answers)('HTTP $status $code: importing the package entry installs it', async ({ status, code, hint }) => {
    const { EcsApiError } = await import('../src/index.js');
    expect(new EcsApiError({ status, code, method: 'GET', url: 'https://ecs.example/' }).hint).toMatch(hint);
  });
});
