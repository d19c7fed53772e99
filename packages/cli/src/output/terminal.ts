import { colorsFor, type Colors } from './colors.js';
import type { OutputStream } from './output-stream.js';
import { terminalSafeJson } from './terminal-text.js';

/** How a command writes: text for people, or one JSON document for machines (`--json`). */
export interface Terminal {
  /** `--json`: stdout carries exactly one JSON document, and progress goes to stderr. */
  readonly json: boolean;
  /** Styles for stdout. */
  readonly colors: Colors;
  /** Styles for stderr. */
  readonly errorColors: Colors;
  /** Where progress goes: stdout, or stderr with `--json`. */
  readonly progress: OutputStream;
  /** Styles for the progress stream. */
  readonly progressColors: Colors;
  /** Whether the progress stream is a terminal, so that a progress line can rewrite itself. */
  readonly liveProgress: boolean;
  /** Writes text for people to stdout, with a final newline. */
  print(text: string): void;
  /** Writes the JSON document to stdout. */
  printJson(value: unknown): void;
  /** Writes text to stderr, with a final newline. */
  printError(text: string): void;
}

/** What a terminal is made of. */
export interface TerminalStreams {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** A {@link Terminal} over the streams; `json` for `--json`. */
export function createTerminal({ stdout, stderr, env }: TerminalStreams, json: boolean): Terminal {
  const progress = json ? stderr : stdout;
  const colors = colorsFor(stdout, env);
  const errorColors = colorsFor(stderr, env);
  return {
    json,
    colors,
    errorColors,
    progress,
    progressColors: json ? errorColors : colors,
    liveProgress: progress.isTTY === true,
    print: (text) => void stdout.write(`${text}\n`),
    printJson: (value) => void stdout.write(`${terminalSafeJson(value)}\n`),
    printError: (text) => void stderr.write(`${text}\n`),
  };
}
