import { constants } from 'node:os';
import { InterruptedError } from './errors/InterruptedError.js';

/**
 * A signal for a command's process: Ctrl-C (SIGINT) or SIGTERM aborts it, with an
 * `InterruptedError` as the reason, so that requests and waits stop cleanly and say how to
 * resume. A second signal ends the process at once, with exit code 128 + its number.
 *
 * @example
 * process.exitCode = await runCli(process.argv.slice(2), { ...io, signal: interruptSignal() });
 */
export function interruptSignal(): AbortSignal {
  const controller = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (controller.signal.aborted) process.exit(128 + constants.signals[signal]);
      controller.abort(new InterruptedError(signal));
    });
  }
  return controller.signal;
}
