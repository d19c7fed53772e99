/** A flag a command accepts: `parseArgs`' option config plus its help. */
export interface OptionSpec {
  /** `string` takes a value (`--mode withStopServer`), `boolean` does not (`--wait`). */
  readonly type: 'string' | 'boolean';
  /** A one-letter alias, e.g. `h` for `-h`. */
  readonly short?: string;
  /** The value's placeholder in the help, e.g. `<ms>`; shell completion offers paths where it names a file (`<file>`, `<plan.json>`). */
  readonly value?: string;
  /** The values it takes, when they are a known few (shell completion offers them). */
  readonly values?: readonly string[];
  /** One line for the help. */
  readonly description: string;
}

/** Flags by name (without the leading `--`). */
export type OptionSpecs = Readonly<Record<string, OptionSpec>>;
