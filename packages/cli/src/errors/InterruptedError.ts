/**
 * The operator stopped the command with a signal (Ctrl-C is SIGINT). It is the reason of the
 * aborted signal every request and wait listens to. Exit code 128 + the signal's number.
 */
export class InterruptedError extends Error {
  override name = 'InterruptedError';
  /** The signal received, e.g. `SIGINT`. */
  readonly signal: NodeJS.Signals;

  /**
   * @param signal The signal received.
   * @param message What was stopped and how to resume, when there is more to say.
   * @param options `cause`: the interruption this one explains.
   */
  constructor(signal: NodeJS.Signals, message = `Interrupted by ${signal}.`, options?: ErrorOptions) {
    super(message, options);
    this.signal = signal;
  }
}
