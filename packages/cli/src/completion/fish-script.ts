import type { CompletionModel, CompletionWord } from './completion-model.js';

/** `text` as one fish word: in single quotes, where only `\'` and `\\` are escapes. */
export function fishQuote(text: string): string {
  return `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

/** Prints the words, each with its description after a tab (fish shows it beside the word). */
const printWords = (words: readonly CompletionWord[]) =>
  `printf '%s\\t%s\\n' ${words.map(({ word, description }) => `${fishQuote(word)} ${fishQuote(description)}`).join(' ')}`;

/** The `switch` cases that offer each flag's value after it. */
function valueCases(model: CompletionModel): string[] {
  return [...model.values].flatMap(([flag, value]) => [
    `        case ${fishQuote(flag)}`,
    ...(value.kind === 'words' ? [`            printf '%s\\n' ${value.words.map(fishQuote).join(' ')}`] : []),
    ...(value.kind === 'file' ? ['            __fish_complete_path $current'] : []),
    '            return',
  ]);
}

/**
 * The fish completion script of the model: a function `__ecs_resize_complete` that prints the
 * candidates (with their descriptions), in the same steps as the bash one, registered with
 * `complete` for `ecs-resize` (no file names but where it offers them).
 */
export function fishScript(model: CompletionModel): string {
  const valueFlags = [...model.values.keys()].map(fishQuote).join(' ');
  const commandCases = [...model.flags.keys()]
    .filter((name) => name !== '')
    .flatMap((name) => [`        case ${fishQuote(`${name} *`)}`, `            set command ${fishQuote(name)}`]);
  const flagCases = [...model.flags].flatMap(([name, flags]) => [
    `        case ${fishQuote(name)}`,
    `            ${printWords(flags)}`,
  ]);
  const wordCases = [...model.words].flatMap(([typed, words]) => [
    `        case ${fishQuote(typed)}`,
    `            ${printWords(words)}`,
  ]);
  const fileCases =
    model.fileWords.length === 0
      ? []
      : [`        case ${model.fileWords.map(fishQuote).join(' ')}`, '            __fish_complete_path $current'];
  return [
    '# fish completion for ecs-resize. Load it with:',
    '#   ecs-resize completion fish | source',
    '# or keep it: ecs-resize completion fish > ~/.config/fish/completions/ecs-resize.fish',
    'function __ecs_resize_complete',
    '    set -l tokens (commandline -opc)',
    '    set -l current (commandline -ct)',
    '    set -l previous $tokens[-1]',
    '    set -e tokens[1]',
    '    # The words typed before the cursor, without the flags and their values.',
    '    set -l typed',
    '    set -l skip 0',
    '    for word in $tokens',
    '        if test $skip = 1',
    '            set skip 0',
    '            continue',
    '        end',
    '        switch "$word"',
    `            case ${valueFlags}`,
    '                set skip 1',
    "            case '-*'",
    "            case '*'",
    '                set -a typed $word',
    '        end',
    '    end',
    '    set typed (string join " " $typed)',
    '    switch "$previous"',
    ...valueCases(model),
    '    end',
    "    if string match -q -- '-*' $current",
    '        set -l command',
    '        switch "$typed "',
    ...commandCases,
    '        end',
    '        switch "$command"',
    ...flagCases,
    '        end',
    '        return',
    '    end',
    '    switch "$typed"',
    ...wordCases,
    ...fileCases,
    '    end',
    'end',
    "complete -c ecs-resize -f -a '(__ecs_resize_complete)'",
    '',
  ].join('\n');
}
