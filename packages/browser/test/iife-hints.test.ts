/**
 * The shipped IIFE holds the client, so its API errors say what to do (`hint`, and the same
 * sentence in the message), as in Node: core installs its hint table with `createEcsClient`,
 * and a page bundling only the modular operations goes without it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The IIFE as shipped (built by `pnpm run build`, which `pnpm test` runs first). */
const iife = readFileSync(new URL('../dist/ecs-resize.iife.js', import.meta.url), 'utf8');

/** The `EcsResize` global of the IIFE, run as a function's body so that its `var` stays in it. */
function loadGlobal(): {
  EcsApiError: new (init: { status: number; code?: string; method: string; url: string }) => Error & { hint?: string };
} {
  return new Function(`${iife}\nreturn EcsResize;`)() as ReturnType<typeof loadGlobal>;
}

describe('the IIFE’s API errors carry hints', () => {
  const { EcsApiError } = loadGlobal();

  it.each([
    { status: 403, code: undefined, hint: /^Permission denied/ },
    { status: 404, code: undefined, hint: /^Is the endpoint right\?/ },
    { status: 409, code: 'Ecs.0605', hint: /unlock it/ },
    { status: 429, code: 'APIG.0308', hint: /throttling/ },
  ])('HTTP $status $code', ({ status, code, hint }) => {
    const error = new EcsApiError({ status, ...(code ? { code } : {}), method: 'GET', url: 'https://ecs.example/' });
    expect(error.hint).toMatch(hint);
    expect(error.message.endsWith(`. ${error.hint}`)).toBe(true);
  });

  it('an answer with no advice has no hint', () => {
    expect(new EcsApiError({ status: 400, code: 'Ecs.9999', method: 'GET', url: 'https://ecs.example/' }).hint).toBeUndefined();
  });
});
