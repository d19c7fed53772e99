import { DEFAULT_PROJECT_ID, DEFAULT_TOKEN, startEmulator, type Emulator, type EmulatorOptions } from '@ecs-resize/emulator';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { createEcsClient, type EcsClient, type EcsClientOptions } from '../src/index.js';

/**
 * Starts an emulator on 127.0.0.1 for the suite's tests (a fresh one for each test when
 * `fresh`) and closes it after them; returns a getter, because the emulator exists only once
 * the `before` hook has run.
 */
export function useEmulator(options: EmulatorOptions = {}, fresh = false): () => Emulator {
  let emulator: Emulator | undefined;
  (fresh ? beforeEach : beforeAll)(async () => {
    emulator = await startEmulator({ jobDurationMs: 80, ...options });
  });
  (fresh ? afterEach : afterAll)(async () => {
    await emulator?.close();
  });
  return () => {
    if (!emulator) throw new Error('the emulator starts in beforeAll');
    return emulator;
  };
}

/** A client of the emulator, with the emulator's default token unless `overrides` says otherwise. */
export function clientOf(emulator: Emulator, overrides: Partial<EcsClientOptions> = {}): EcsClient {
  return createEcsClient({
    endpoint: emulator.url,
    projectId: DEFAULT_PROJECT_ID,
    auth: { token: DEFAULT_TOKEN },
    ...overrides,
  });
}

/** Fast polling for tests: the emulator's jobs last tens of milliseconds. */
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
