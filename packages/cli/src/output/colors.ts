import type { OutputStream } from './output-stream.js';

/** Text styles; each returns the text unchanged when colours are off. */
export interface Colors {
  readonly bold: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly red: (text: string) => string;
  readonly green: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly cyan: (text: string) => string;
}

/** An ANSI style: the text between its on and off codes. */
const style = (on: number, off: number) => (text: string) => `\u001b[${on}m${text}\u001b[${off}m`;

/** Styles that do nothing. */
const PLAIN: Colors = { bold: String, dim: String, red: String, green: String, yellow: String, cyan: String };

/** ANSI styles. */
const ANSI: Colors = {
  bold: style(1, 22),
  dim: style(2, 22),
  red: style(31, 39),
  green: style(32, 39),
  yellow: style(33, 39),
  cyan: style(36, 39),
};

/**
 * The styles for `stream`: ANSI colours only when it is a terminal and `NO_COLOR` is unset or
 * empty (https://no-color.org); plain text otherwise.
 */
export function colorsFor(stream: OutputStream, env: Readonly<Record<string, string | undefined>>): Colors {
  return stream.isTTY === true && !env['NO_COLOR'] ? ANSI : PLAIN;
}

/** The length of `text` as shown: without its ANSI codes. */
export function visibleLength(text: string): number {
  return text.replace(/\u001b\[[\d;]*m/g, '').length;
}
