import { DEFAULT_PROJECT_ID, DEFAULT_TOKEN, type Emulator } from '@ecs-resize/emulator';
import { vi } from 'vitest';
export { advanceClock, eventually, useFrozenClock } from '../../emulator/test/test-clock.js';
export { useEmulator } from '../../emulator/test/use-emulator.js';
import { createEcsClient, type EcsClient, type EcsClientOptions } from '../src/index.js';

/** A client of the emulator, with the emulator's default token unless `overrides` says otherwise. */
export function clientOf(emulator: Emulator, overrides: Partial<EcsClientOptions> = {}): EcsClient {
  return createEcsClient({
    endpoint: emulator.url,
    projectId: DEFAULT_PROJECT_ID,
    auth: { token: DEFAULT_TOKEN },
    ...overrides,
  });
}

/** A request as a recording client sent it. */
export interface SentRequest {
  method: string;
  path: string;
  body: string;
}

/** A client of the emulator whose fetch records each request's method, path and body on its way out. */
export function recordingClientOf(emulator: Emulator): { client: EcsClient; sent: SentRequest[] } {
  const sent: SentRequest[] = [];
  const client = clientOf(emulator, {
    fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      sent.push({ method: request.method, path: new URL(request.url).pathname, body: await request.clone().text() });
      return fetch(request);
    },
  });
  return { client, sent };
}

/**
 * With fake timers: moves the fake clock `stepMs` at a time until `condition` holds (a timer
 * fired, and what it started ran), at most `limitMs`; returns how far it moved. Stepping stops
 * right after the awaited timer, so a later one (e.g. the next attempt's timeout) never fires.
 */
export async function advanceUntil(condition: () => boolean, limitMs: number, stepMs = 5): Promise<number> {
  let moved = 0;
  while (!condition()) {
    if (moved >= limitMs) throw new Error(`nothing happened within ${limitMs} ms of fake time`);
    await vi.advanceTimersByTimeAsync(stepMs);
    moved += stepMs;
  }
  return moved;
}

/**
 * A latency no test waits out: the emulator holds the request open (its `close()` cancels the
 * delay), so a client's timeout fires because the server never answers, never because the
 * machine is slow.
 */
export const HOLD = { kind: 'latency', delayMs: 60 * 60_000 } as const;

/** How long the emulator's jobs last in the tests that wait for them to end: tens of milliseconds. */
export const FAST_JOB_MS = 80;

/** Fast polling for tests whose emulator's jobs last tens of milliseconds ({@link FAST_JOB_MS}). */
export const FAST_WAIT = { interval: 10, maxInterval: 20, timeout: 10_000 } as const;

/** The rejection of a promise that must reject. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject, but it resolved');
}
