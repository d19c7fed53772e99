import { afterEach, describe, expect, it } from 'vitest';
import { resolveOptions } from '../src/options.js';
import { startEmulator, type Emulator } from '../src/index.js';
import { call } from './helpers.js';

// The request log (`state.requests`) keeps the latest requests only, so that an emulator that
// runs for days (`ecs-resize emulator`) does not grow for ever.

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

/** Sends `count` GETs one after another, each to a path of its own; returns those paths in order. */
async function sendNumbered(target: Emulator, count: number): Promise<string[]> {
  const paths: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const path = `/v1/{p}/cloudservers/request-${index}`;
    const response = await call(target, path);
    await response.body?.cancel();
    paths.push(path.replace('{p}', target.projectId));
  }
  return paths;
}

describe.each([
  { max: 1, sent: 5 },
  { max: 2, sent: 7 },
  { max: 10, sent: 10 },
  { max: 10, sent: 33 },
  { max: 25, sent: 61 },
])('maxLoggedRequests $max, $sent requests sent', ({ max, sent }) => {
  it('keeps the latest ones, in order, never more than the cap', async () => {
    emulator = await startEmulator({ maxLoggedRequests: max });
    const paths = await sendNumbered(emulator, sent);
    const logged = emulator.state.requests.map((entry) => entry.path);
    // Full, a log drops its oldest tenth (at least one) at once: it never holds fewer than this.
    const fewest = Math.min(sent, max - Math.ceil(max / 10) + 1);
    expect(logged.length).toBeLessThanOrEqual(max);
    expect(logged.length).toBeGreaterThanOrEqual(fewest);
    expect(logged).toEqual(paths.slice(-logged.length));
    expect(emulator.state.countRequests()).toBe(logged.length);
    expect(emulator.state.requests.every((entry) => entry.status === 404)).toBe(true);
  });
});

it('maxLoggedRequests 0 logs nothing and still answers', async () => {
  emulator = await startEmulator({ maxLoggedRequests: 0 });
  const response = await call(emulator, '/v1/{p}/cloudservers/request-0');
  expect(response.status).toBe(404);
  expect(emulator.state.requests).toEqual([]);
  expect(emulator.state.countRequests()).toBe(0);
});

it('clearRequests empties a capped log, which then fills again', async () => {
  emulator = await startEmulator({ maxLoggedRequests: 3 });
  await sendNumbered(emulator, 5);
  expect(emulator.state.requests).toHaveLength(3);
  emulator.state.clearRequests();
  expect(emulator.state.requests).toEqual([]);
  const paths = await sendNumbered(emulator, 2);
  expect(emulator.state.requests.map((entry) => entry.path)).toEqual(paths);
});

it('keeps 100,000 requests by default: far more than any test or bench makes', () => {
  expect(resolveOptions({}).maxLoggedRequests).toBe(100_000);
});

it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '10' as unknown as number])(
  'rejects maxLoggedRequests %s with a TypeError naming it',
  async (maxLoggedRequests) => {
    await expect(startEmulator({ maxLoggedRequests })).rejects.toThrow(
      new TypeError('startEmulator: maxLoggedRequests must be a whole number >= 0'),
    );
  },
);
