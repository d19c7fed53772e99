import { shellQuote } from '../output/shell-quote.js';
import type { CompletionModel, CompletionWord } from './completion-model.js';

/** The words as one quoted, space-separated list, for `compgen -W`. */
const wordList = (words: readonly CompletionWord[]) => shellQuote(words.map(({ word }) => word).join(' '));

/** `COMPREPLY` set to the words that start with the current word. */
const reply = (words: readonly string[]) => `COMPREPLY=($(compgen -W ${shellQuote(words.join(' '))} -- "$cur"))`;

/** The `case` branches that offer each flag's value after it. */
function valueBranches(model: CompletionModel): string[] {
  return [...model.values].map(([flag, value]) => {
    const action =
      value.kind === 'words'
        ? reply(value.words)
        : value.kind === 'file'
          ? 'compopt -o filenames 2>/dev/null; local IFS=$\'\\n\'; COMPREPLY=($(compgen -f -- "$cur"))'
          : 'COMPREPLY=()';
    return `    ${shellQuote(flag)}) ${action}; return ;;`;
  });
}

/**
 * The bash completion script of the model: a function `_ecs_resize` registered for
 * `ecs-resize`. It finds the words typed so far (flags and their values left out), then offers
 * the value of the flag before the cursor, the flags of the command, or the next words.
 */
export function bashScript(model: CompletionModel): string {
  const valueFlags = [...model.values.keys()].map(shellQuote).join('|');
  const commandBranches = [...model.flags.keys()]
    .filter((name) => name !== '')
    .map((name) => `      ${shellQuote(`${name} `)}*) command=${shellQuote(name)} ;;`);
  const flagBranches = [...model.flags].map(([name, flags]) => `      ${shellQuote(name)}) flags=${wordList(flags)} ;;`);
  const wordBranches = [...model.words].map(
    ([typed, words]) => `    ${shellQuote(typed)}) ${reply(words.map(({ word }) => word))} ;;`,
  );
  const fileBranch =
    model.fileWords.length === 0
      ? []
      : [
          `    ${model.fileWords.map(shellQuote).join('|')}) compopt -o filenames 2>/dev/null; local IFS=$'\\n'; COMPREPLY=($(compgen -f -- "$cur")) ;;`,
        ];
  return [
    '# bash completion for ecs-resize. Load it in ~/.bashrc with:',
    '#   eval "$(ecs-resize completion bash)"',
    '_ecs_resize() {',
    '  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}',
    '  local typed= word skip=0 i command= flags=',
    '  COMPREPLY=()',
    '  # The words typed before the cursor, without the flags and their values ("--mode x", "--mode=x").',
    '  for ((i = 1; i < COMP_CWORD; i++)); do',
    '    word=${COMP_WORDS[i]}',
    '    if [[ $word == = ]]; then skip=1',
    '    elif ((skip)); then skip=0',
    '    else',
    '      case $word in',
    `        ${valueFlags}) skip=1 ;;`,
    '        -*) ;;',
    '        *) typed+=${typed:+ }$word ;;',
    '      esac',
    '    fi',
    '  done',
    '  [[ $prev == = && COMP_CWORD -gt 1 ]] && prev=${COMP_WORDS[COMP_CWORD-2]}',
    '  case $prev in',
    ...valueBranches(model),
    '  esac',
    '  if [[ $cur == -* ]]; then',
    '    case "$typed " in',
    ...commandBranches,
    '    esac',
    '    case $command in',
    ...flagBranches,
    '    esac',
    '    COMPREPLY=($(compgen -W "$flags" -- "$cur"))',
    '    return',
    '  fi',
    '  case $typed in',
    ...wordBranches,
    ...fileBranch,
    '  esac',
    '}',
    'complete -F _ecs_resize ecs-resize',
    '',
  ].join('\n');
}
