/**
 * The command line or the configuration is wrong: an unknown flag, a missing argument, no
 * project id, a bad rules config. Nothing was sent. Exit code 2.
 */
export class UsageError extends Error {
  override name = 'UsageError';

  /**
   * @param message What is wrong and how to fix it.
   * @param options `cause`: the underlying error, when there is one.
   */
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
  }
}
