/**
 * A page loads the routes it calls when it calls them: each route is a module of its own, so
 * the look-ups that only resize's preflight makes load with the preflight's chunk, not with
 * the page.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundlePage } from './page-bundle.js';

/** The ES modules the package ships (built by `pnpm run build`, which `pnpm test` runs first). */
const shipped = { '@ecs-resize/core': fileURLToPath(new URL('../dist/index.js', import.meta.url)) };

/** A route's path template, as a quoted string in the bundle. */
const quoted = (path: string) => new RegExp(`['"]${path.replace(/[{}.]/g, '\\$&')}['"]`);

describe('a page that resizes and waits loads the preflight’s look-ups on use', () => {
  const page = bundlePage("export { createEcsConnection, resize, waitForJob } from '@ecs-resize/core';", shipped);

  it.each([
    '/v1/{project_id}/cloudservers/{server_id}/resize',
    '/v1.1/{project_id}/cloudservers/{server_id}/resize',
    '/v1/{project_id}/jobs/{job_id}',
  ])('%s: at once', async (path) => {
    expect((await page).atOnce).toMatch(quoted(path));
  });

  it.each([
    '/v1/{project_id}/cloudservers/{server_id}',
    '/v1/{project_id}/cloudservers/resize_flavors',
    '/v1/{project_id}/cloudservers/flavors',
    '/v1/{project_id}/cloudservers/{server_id}/block_device',
    '/v1/{project_id}/cloudservers/{server_id}/os-interface',
    '/v2/{project_id}/cloudvolumes/detail',
  ])('%s: with the preflight', async (path) => {
    const { atOnce, onUse } = await page;
    expect(atOnce).not.toMatch(quoted(path));
    expect(onUse).toMatch(quoted(path));
  });

  it('the server listing, which the preflight does not make, is not bundled', async () => {
    const { atOnce, onUse } = await page;
    expect(`${atOnce}\n${onUse}`).not.toMatch(quoted('/v1/{project_id}/cloudservers/detail'));
  });
});
