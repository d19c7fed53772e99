import { TERMINAL_ACTIVE_CHARACTER as INVISIBLE } from './terminal-text.js';

/** Words a POSIX shell reads as they are: no quoting needed. */
const PLAIN_WORD = /^[A-Za-z0-9_.,:@%+=/-]+$/;

/** One character of a `$'…'` word: escaped when it is invisible, a quote or a backslash. */
function ansiCChar(char: string): string {
  if (char === "'" || char === '\\') return `\\${char}`;
  if (!INVISIBLE.test(char)) return char;
  const code = char.codePointAt(0) ?? 0;
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * `word` as one shell word, safe to paste into a POSIX shell (bash, zsh, dash 0.5.12+) and to
 * print on a terminal: as it is when it holds only plain characters; else in single quotes
 * (`'a b'`, a quote written `'\''`), where `$(…)`, `;`, `*` and spaces mean nothing; else, when
 * it holds a control character such as ESC or a newline, as `$'…'` with that character
 * escaped (`$'a\x1b[2Jb'`), so that the terminal shows it instead of acting on it. The empty
 * string is `''`. Every string the CLI puts into a command line it suggests goes through here.
 */
export function shellQuote(word: string): string {
  if (PLAIN_WORD.test(word)) return word;
  if (INVISIBLE.test(word)) return `$'${[...word].map(ansiCChar).join('')}'`;
  return `'${word.replaceAll("'", "'\\''")}'`;
}
