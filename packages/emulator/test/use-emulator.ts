import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { startEmulator, type Emulator, type EmulatorOptions } from '../src/index.js';

// The emulator of the tests that talk to one, shared by the emulator's, core's and the fleet's
// tests. It takes startEmulator's options and defaults as they are: a test whose jobs must end
// quickly (or slowly) says how long they last (`jobDurationMs`).

/** How `useEmulator` keeps its emulator. */
export interface UseEmulatorOptions {
  /** A fresh emulator for each test of the suite, instead of one for all of them. @default false */
  readonly fresh?: boolean;
}

/**
 * Starts an emulator on 127.0.0.1 for the suite's tests (one for all of them, or a fresh one
 * for each with `fresh`) and closes it after them. Returns a getter, because the emulator
 * exists only once the `before` hook has run.
 *
 * @example
 * const emulator = useEmulator({ jobDurationMs: 80 });
 * it('lists the servers', async () => expect(await clientOf(emulator()).listServers()).not.toEqual([]));
 */
export function useEmulator(options: EmulatorOptions = {}, { fresh = false }: UseEmulatorOptions = {}): () => Emulator {
  let emulator: Emulator | undefined;
  (fresh ? beforeEach : beforeAll)(async () => {
    emulator = await startEmulator(options);
  });
  (fresh ? afterEach : afterAll)(async () => {
    await emulator?.close();
  });
  return () => {
    if (emulator === undefined) throw new Error('The emulator is not started yet: it starts in the before hook.');
    return emulator;
  };
}
