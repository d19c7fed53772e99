/** Where the CLI writes: `process.stdout` and `process.stderr`, or anything with `write`. */
export interface OutputStream {
  /** Writes text as it is (no newline added). */
  write(text: string): unknown;
  /** True for a terminal: colours, tables drawn for people, a progress line that rewrites itself. */
  readonly isTTY?: boolean | undefined;
}
