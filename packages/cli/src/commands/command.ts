import type { EcsClient } from '@ecs-resize/core';
import type { RuleEngine } from '@ecs-resize/rules';
import type { OptionSpecs } from '../args/option-spec.js';
import type { OptionValues } from '../args/option-values.js';
import type { CliIo } from '../cli-io.js';
import type { RulesConfigFile } from '../config/rules-config-file.js';
import type { Terminal } from '../output/terminal.js';

/** What a command runs with. */
export interface CommandContext {
  /** The positional arguments, as many as the command's `args`. */
  readonly args: readonly string[];
  /** The flags. */
  readonly options: OptionValues;
  /** Where the command writes. */
  readonly terminal: Terminal;
  /** The streams, environment and directory. */
  readonly io: CliIo;
  /** Aborted on Ctrl-C (its reason an `InterruptedError`); never aborted otherwise. */
  readonly signal: AbortSignal;
  /**
   * A client for the endpoint, project id and credentials of the flags and the environment,
   * made (and its HTTP code loaded) on the first call.
   * @throws {UsageError} When one is missing; `EcsInputError` when the client refuses one (rejects).
   */
  client(): Promise<EcsClient>;
  /** The rules config file (`--config`, else the one in the current directory, else none). */
  rulesConfig(): Promise<RulesConfigFile>;
  /** The rule engine: `recommended`, the config file over it, `--force` turning rules off. */
  engine(): Promise<RuleEngine>;
}

/** A command of `ecs-resize`, e.g. `check` or `fleet plan`. */
export interface Command {
  /** The words that call it: `check`, or `fleet plan`. */
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** The positional arguments' names, in order, e.g. `['server', 'flavor']`; all required. */
  readonly args: readonly string[];
  /**
   * Flags that take the place of the arguments, with their value's placeholder: given one of
   * them, the command takes no argument (`check --terraform <plan.json>`).
   */
  readonly argsReplacedBy?: Readonly<Record<string, string>>;
  /**
   * The values the first argument takes, when they are a known few (the shells of
   * `completion`): shell completion offers them. A first argument named `file` completes as a path.
   */
  readonly choices?: readonly string[];
  /** Its own flags (the global ones come on top). */
  readonly options: OptionSpecs;
  /** What it does, in a few lines, for its help. */
  readonly description: string;
  /** Example command lines for its help. */
  readonly examples: readonly string[];
  /** Runs it; resolves to the exit code. Errors thrown are printed and mapped to an exit code. */
  run(context: CommandContext): Promise<number>;
}
