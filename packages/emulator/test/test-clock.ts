import { afterEach, beforeEach, vi } from 'vitest';

// The clock of the tests that must not depend on the machine's speed, shared by the emulator's
// and core's tests.

/**
 * Freezes `Date` for each test of the suite (and thaws it after): the emulator's jobs, which
 * follow `Date.now()`, then move only when the test moves the clock (`advanceClock`, or
 * `vi.advanceTimersByTimeAsync` when the test also fakes timers). Real timers and sockets go on.
 */
export function useFrozenClock(): void {
  beforeEach(() => void vi.useFakeTimers({ toFake: ['Date'] }));
  afterEach(() => void vi.useRealTimers());
}

/** Moves the frozen clock forward by `ms` without firing any timer. */
export function advanceClock(ms: number): void {
  vi.setSystemTime(Date.now() + ms);
}

/** The real `setTimeout`, taken before any test fakes the timers. */
const realSetTimeout = globalThis.setTimeout;

/** How often `eventually` checks its condition, in milliseconds of real time. */
const CHECK_EVERY_MS = 2;

/**
 * Resolves once `condition` holds: a wait on an event (a request seen, a callback called),
 * checked every few milliseconds of real time, whether or not the test fakes the timers (unlike
 * `vi.waitUntil`, it never moves a fake clock). It gives up after `limitMs` of checking at the
 * earliest (later on a busy machine): the limit only turns a hang into a clear failure before
 * the test's own timeout, and a healthy run never comes near it.
 */
export async function eventually(condition: () => boolean, what = 'the condition', limitMs = 10_000): Promise<void> {
  for (let checks = 0; !condition(); checks += 1) {
    if (checks * CHECK_EVERY_MS >= limitMs) throw new Error(`${what} never came true`);
    await new Promise((resolve) => realSetTimeout(resolve, CHECK_EVERY_MS));
  }
}
