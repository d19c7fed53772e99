import { GLOBAL_OPTIONS } from '../args/global-options.js';
import type { OptionSpecs } from '../args/option-spec.js';
import type { Command } from '../commands/command.js';

/** A word to offer, and the line that says what it is (for the shells that show one). */
export interface CompletionWord {
  readonly word: string;
  readonly description: string;
}

/** What completes the value of a flag: its known values, a path, or nothing (free text). */
export type FlagValue =
  { readonly kind: 'words'; readonly words: readonly string[] } | { readonly kind: 'file' } | { readonly kind: 'text' };

/**
 * What shell completion offers, derived from the command table: every shell's script is this
 * model written in its language, so that a new command, flag or value shows up in all of them.
 */
export interface CompletionModel {
  /**
   * The words to offer by the words typed so far (flags and their values left out), joined
   * with a space: `''` for the first word, `fleet` for `plan` and `apply`, `help fleet`, …
   */
  readonly words: ReadonlyMap<string, readonly CompletionWord[]>;
  /** The words typed so far after which a path is offered (a command whose first argument is a `file`). */
  readonly fileWords: readonly string[];
  /**
   * The flags to offer within each command, by its name, longest first (`fleet plan` before any
   * one-word name); `''` for the global flags, when no command is typed yet.
   */
  readonly flags: ReadonlyMap<string, readonly CompletionWord[]>;
  /** What completes the value of each flag that takes one (`--mode`, `-x`), across every command. */
  readonly values: ReadonlyMap<string, FlagValue>;
}

/** `help` offers the commands: `help check` is `check --help`. */
const HELP_WORD: CompletionWord = { word: 'help', description: 'show the help of a command' };

/** A placeholder that names a file: `<file>`, `<plan.json|->`. */
const FILE_PLACEHOLDER = /file|\.(json|csv)\b/;

/** A flag's value: its known values, a path when its placeholder names a file, else free text. */
function flagValue({ values, value = '' }: OptionSpecs[string]): FlagValue {
  if (values !== undefined) return { kind: 'words', words: values };
  return FILE_PLACEHOLDER.test(value) ? { kind: 'file' } : { kind: 'text' };
}

/** The flags as words: `--mode`, and `-h` for a short one. */
function flagWords(options: OptionSpecs): CompletionWord[] {
  return Object.entries(options).flatMap(([name, spec]) => [
    { word: `--${name}`, description: spec.description },
    ...(spec.short === undefined ? [] : [{ word: `-${spec.short}`, description: spec.description }]),
  ]);
}

/** The completion model of `commands` and the global flags. */
export function completionModel(commands: readonly Command[]): CompletionModel {
  const firstWords = new Map<string, CompletionWord>();
  const secondWords = new Map<string, CompletionWord[]>();
  for (const { name, summary } of commands) {
    const [first = '', second] = name.split(' ');
    if (second === undefined) firstWords.set(first, { word: first, description: summary });
    else {
      firstWords.set(first, firstWords.get(first) ?? { word: first, description: `${first} commands` });
      secondWords.set(first, [...(secondWords.get(first) ?? []), { word: second, description: summary }]);
    }
  }
  const words = new Map<string, readonly CompletionWord[]>([
    ['', [...firstWords.values(), HELP_WORD]],
    [HELP_WORD.word, [...firstWords.values()]],
  ]);
  for (const [group, members] of secondWords) {
    words.set(group, members);
    words.set(`${HELP_WORD.word} ${group}`, members);
  }
  for (const { name, choices, summary } of commands) {
    if (choices !== undefined)
      words.set(
        name,
        choices.map((word) => ({ word, description: summary })),
      );
  }

  const byLength = [...commands].sort((a, b) => b.name.split(' ').length - a.name.split(' ').length);
  const flags = new Map<string, readonly CompletionWord[]>([
    ...byLength.map(({ name, options }) => [name, flagWords({ ...options, ...GLOBAL_OPTIONS })] as const),
    ['', flagWords(GLOBAL_OPTIONS)],
  ]);

  const values = new Map<string, FlagValue>();
  for (const options of [GLOBAL_OPTIONS, ...commands.map((command) => command.options)] as OptionSpecs[]) {
    for (const [name, spec] of Object.entries(options)) {
      if (spec.type !== 'string') continue;
      values.set(`--${name}`, flagValue(spec));
      if (spec.short !== undefined) values.set(`-${spec.short}`, flagValue(spec));
    }
  }

  const fileWords = commands.filter(({ args }) => args[0] === 'file').map(({ name }) => name);
  return { words, fileWords, flags, values };
}
