import { UsageError } from '../errors/UsageError.js';

/** The one resize mode the API documents. */
export const WITH_STOP_SERVER = 'withStopServer';

/**
 * The `--mode` value: `withStopServer` or none.
 * @throws {UsageError} For any other value.
 */
export function parseMode(value: string | undefined): typeof WITH_STOP_SERVER | undefined {
  if (value === undefined || value === WITH_STOP_SERVER) return value;
  throw new UsageError(`--mode must be ${WITH_STOP_SERVER}, not "${value}".`);
}
