/**
 * The demo cannot start as asked: a missing build, a busy port, a flag it does not know. Its
 * message says what to do; the demo exits with the CLI's usage code (2).
 */
export class DemoSetupError extends Error {
  override name = 'DemoSetupError';
}
