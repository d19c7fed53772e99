import { UsageError } from '../errors/UsageError.js';

/** The parsed flags of a command line, read by name. */
export interface OptionValues {
  /** A string flag's value, or undefined when not given (the last one wins when repeated). */
  string(name: string): string | undefined;
  /** Whether a boolean flag was given. */
  flag(name: string): boolean;
  /**
   * A whole-number flag, or undefined when not given.
   * @throws {UsageError} When the value is not a whole number from `min` to `max`.
   */
  integer(name: string, min: number, max: number): number | undefined;
  /** A comma-separated list flag, its items trimmed, empty ones dropped; `[]` when not given. */
  list(name: string): string[];
}

/** {@link OptionValues} over `parseArgs`' `values` (no flag is `multiple`: the last one given wins). */
export function optionValues(
  values: Readonly<Record<string, string | boolean | readonly (string | boolean)[] | undefined>>,
): OptionValues {
  const string = (name: string) => {
    const value = values[name];
    return typeof value === 'string' ? value : undefined;
  };
  return {
    string,
    flag: (name) => values[name] === true,
    integer(name, min, max) {
      const text = string(name);
      if (text === undefined) return undefined;
      const number = /^\d+$/.test(text) ? Number(text) : Number.NaN;
      if (!Number.isSafeInteger(number) || number < min || number > max) {
        throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not "${text}".`);
      }
      return number;
    },
    list: (name) =>
      (string(name) ?? '')
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
  };
}
