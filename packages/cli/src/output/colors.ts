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

/** The SGR codes of each style: the one that starts it and the one that ends it. */
const STYLE_CODES: Readonly<Record<keyof Colors, readonly [number, number]>> = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  cyan: [36, 39],
};

/** ANSI styles. */
const ANSI = Object.fromEntries(
  Object.entries(STYLE_CODES).map(([name, [on, off]]) => [name, style(on, off)]),
) as unknown as Colors;

/**
 * One ANSI code the styles write, and no other: the output boundary lets these through and
 * strips every other escape sequence.
 */
export const OWN_STYLE_CODE = new RegExp(`\\u001b\\[(?:${[...new Set(Object.values(STYLE_CODES).flat())].join('|')})m`);

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
