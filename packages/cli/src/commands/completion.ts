import { closestName } from '../args/closest-name.js';
import { bashScript } from '../completion/bash-script.js';
import { completionModel, type CompletionModel } from '../completion/completion-model.js';
import { fishScript } from '../completion/fish-script.js';
import { zshScript } from '../completion/zsh-script.js';
import { UsageError } from '../errors/UsageError.js';
import { ExitCode } from '../exit-codes.js';
import type { Command } from './command.js';

/** The shells `completion` writes a script for, and how each writes it. */
const SCRIPTS: Readonly<Record<string, (model: CompletionModel) => string>> = {
  bash: bashScript,
  zsh: zshScript,
  fish: fishScript,
};

/**
 * `ecs-resize completion <shell>`: the shell completion script of every command of
 * `commands()` (a function, because the list holds this command too).
 */
export function createCompletionCommand(commands: () => readonly Command[]): Command {
  const shells = Object.keys(SCRIPTS);
  return {
    name: 'completion',
    summary: 'print the shell completion script for bash, zsh or fish',
    args: ['shell'],
    choices: shells,
    options: {},
    description: [
      'Prints a script that completes the commands, their flags, and the values of the flags',
      'that take a known few (--mode, --confirm). Load it in the shell, e.g. in ~/.bashrc:',
      '  bash: eval "$(ecs-resize completion bash)"',
      '  zsh:  eval "$(ecs-resize completion zsh)"     (in ~/.zshrc, after compinit)',
      '  fish: ecs-resize completion fish | source     (or save it in ~/.config/fish/completions/ecs-resize.fish)',
    ].join('\n'),
    examples: ['ecs-resize completion bash', 'ecs-resize completion fish > ~/.config/fish/completions/ecs-resize.fish'],
    async run({ args: [shell = ''], terminal }) {
      const script = Object.hasOwn(SCRIPTS, shell) ? SCRIPTS[shell] : undefined;
      if (script === undefined) {
        const suggestion = closestName(shell, shells);
        throw new UsageError(
          `ecs-resize completion: unknown shell "${shell}". ` +
            (suggestion === undefined ? `Use one of: ${shells.join(', ')}.` : `Did you mean "${suggestion}"?`),
        );
      }
      const text = script(completionModel(commands()));
      if (terminal.json) terminal.printJson({ shell, script: text });
      else terminal.print(text.trimEnd());
      return ExitCode.ok;
    },
  };
}
