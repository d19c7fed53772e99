import { shellQuote } from '../output/shell-quote.js';
import type { CompletionModel, CompletionWord } from './completion-model.js';

/** The words as a zsh array of `word:description` items, for `_describe` (a colon in a word escaped). */
const describedList = (words: readonly CompletionWord[]) =>
  `(${words.map(({ word, description }) => shellQuote(`${word.replaceAll(':', '\\:')}:${description}`)).join(' ')})`;

/** The `case` branches that offer each flag's value after it. */
function valueBranches(model: CompletionModel): string[] {
  return [...model.values].map(([flag, value]) => {
    const action =
      value.kind === 'words' ? `compadd -- ${value.words.map(shellQuote).join(' ')}` : value.kind === 'file' ? '_files' : ':';
    return `    (${shellQuote(flag)}) ${action}; return ;;`;
  });
}

/**
 * The zsh completion script of the model: a function `_ecs_resize` registered with `compdef`
 * for `ecs-resize`, in the same steps as the bash one (the words typed so far, then a flag's
 * value, the command's flags or the next words), with each word's description.
 */
export function zshScript(model: CompletionModel): string {
  const valueFlags = [...model.values.keys()].map(shellQuote).join('|');
  const commandBranches = [...model.flags.keys()]
    .filter((name) => name !== '')
    .map((name) => `      (${shellQuote(`${name} `)}*) command=${shellQuote(name)} ;;`);
  const flagBranches = [...model.flags].map(([name, flags]) => `      (${shellQuote(name)}) items=${describedList(flags)} ;;`);
  const wordBranches = [...model.words].map(
    ([typed, words]) => `    (${shellQuote(typed)}) items=${describedList(words)}; _describe -t words word items ;;`,
  );
  const fileBranch = model.fileWords.length === 0 ? [] : [`    (${model.fileWords.map(shellQuote).join('|')}) _files ;;`];
  return [
    '#compdef ecs-resize',
    '# zsh completion for ecs-resize. Load it in ~/.zshrc (after compinit) with:',
    '#   eval "$(ecs-resize completion zsh)"',
    '_ecs_resize() {',
    '  local typed= word command= i skip=0',
    '  local -a items',
    '  # The words typed before the cursor, without the flags and their values.',
    '  for ((i = 2; i < CURRENT; i++)); do',
    '    word=${words[i]}',
    '    if ((skip)); then skip=0; continue; fi',
    '    case $word in',
    `      (${valueFlags}) skip=1 ;;`,
    '      (-*) ;;',
    '      (*) typed+=${typed:+ }$word ;;',
    '    esac',
    '  done',
    '  case ${words[CURRENT-1]} in',
    ...valueBranches(model),
    '  esac',
    '  if [[ ${words[CURRENT]} == -* ]]; then',
    '    case "$typed " in',
    ...commandBranches,
    '    esac',
    '    case $command in',
    ...flagBranches,
    '    esac',
    '    _describe -t flags flag items',
    '    return',
    '  fi',
    '  case $typed in',
    ...wordBranches,
    ...fileBranch,
    '  esac',
    '}',
    'compdef _ecs_resize ecs-resize',
    '',
  ].join('\n');
}
