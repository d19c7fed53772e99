import { OWN_STYLE_CODE } from './colors.js';
import type { OutputStream } from './output-stream.js';

/** The CLI's own sequence that rewrites the current line (a live progress line): carriage return, erase line. */
export const REWRITE_LINE = '\r\u001b[2K';

/**
 * An escape sequence (ECMA-48), 7-bit or 8-bit: CSI (`ESC [` … final byte: cursor moves,
 * erasing, colours); OSC, DCS, SOS, PM and APC strings up to BEL or ST, or to the end when
 * unterminated (`ESC ] 0;title BEL` sets the window title, `ESC ] 8` makes links); any other
 * `ESC` sequence; a lone `ESC`.
 */
const ESCAPE_SEQUENCE =
  /(?:\u001b\[|\u009b)[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]?|(?:\u001b[\]PX^_]|[\u0090\u0098\u009d\u009e\u009f])[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|\u001b[\u0020-\u002f]*[\u0030-\u007e]?/g;

/**
 * One character a terminal acts on or hides instead of showing: C0 and C1 controls (ESC starts
 * an escape sequence), DEL, Unicode line and paragraph separators, and the marks that reorder
 * text (bidi embeddings, overrides, isolates, direction marks).
 */
export const TERMINAL_ACTIVE_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** Every {@link TERMINAL_ACTIVE_CHARACTER} of a text. */
const TERMINAL_ACTIVE = new RegExp(TERMINAL_ACTIVE_CHARACTER.source, 'g');

/** The active characters that separate words (tab, line breaks, NEL, line and paragraph separators). */
const SPACING = /[\t\n\v\f\r\u0085\u2028\u2029]/;

/**
 * `text` (from the API, a file, the environment) as plain text a terminal shows and does not
 * act on: escape sequences removed whole, line breaks and tabs as spaces, every other control
 * character and bidi override removed.
 *
 * @example
 * sanitizeTerminalText('web\u001b]0;pwned\u0007-1\r\n'); // 'web-1  '
 */
export function sanitizeTerminalText(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(TERMINAL_ACTIVE, (char) => (SPACING.test(char) ? ' ' : ''));
}

/** What the CLI itself writes that a terminal acts on: a line rewrite at the start, newlines, its colours. */
const OWN_SEQUENCE = new RegExp(`(^${REWRITE_LINE.replace('[', '\\[')}|\\n|${OWN_STYLE_CODE.source})`);

/**
 * Output as the terminal may receive it: the CLI's own newlines, colours and line rewrite kept,
 * everything between them passed through {@link sanitizeTerminalText}. Applied at the output
 * boundary, it leaves no path by which a string from the API could move the cursor, clear the
 * screen, set the title or reorder text.
 */
export function terminalSafe(text: string): string {
  return text
    .split(OWN_SEQUENCE)
    .map((part, index) => (index % 2 === 1 ? part : sanitizeTerminalText(part)))
    .join('');
}

/**
 * `stream`, with every write made {@link terminalSafe}: the output boundary of `ecs-resize`,
 * for text for people and the `--json` document alike.
 */
export function terminalSafeStream(stream: OutputStream): OutputStream {
  return { isTTY: stream.isTTY, write: (text) => stream.write(terminalSafe(text)) };
}

/**
 * `value` as indented JSON in which nothing acts on a terminal: `JSON.stringify` already writes
 * C0 controls (ESC as `\u001b`) as escapes, and the characters it leaves raw are escaped too,
 * so that the document means the same and shows safely.
 */
export function terminalSafeJson(value: unknown): string {
  // Raw C0 controls in JSON text are its own line breaks: those inside strings are escaped already.
  return JSON.stringify(value, null, 2).replace(TERMINAL_ACTIVE, (char) =>
    char < ' ' ? char : `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
