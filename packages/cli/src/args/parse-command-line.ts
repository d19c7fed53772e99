import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Command } from '../commands/command.js';
import { UsageError } from '../errors/UsageError.js';
import { closestName } from './closest-name.js';
import { GLOBAL_OPTIONS } from './global-options.js';
import type { OptionSpecs } from './option-spec.js';
import { optionValues, type OptionValues } from './option-values.js';

/** What the command line asks for. */
export type CommandLine =
  /** `--version`. */
  | { readonly kind: 'version' }
  /** `--help`: of one command, else of a group such as `fleet`, else of all the commands. */
  | { readonly kind: 'help'; readonly command?: Command; readonly group?: string }
  /** No command at all. */
  | { readonly kind: 'none' }
  /** A command to run. */
  | { readonly kind: 'run'; readonly command: Command; readonly args: readonly string[]; readonly options: OptionValues };

/** A flag that looks like a credential: those are refused with advice, never echoed. */
const SECRET_FLAG = /secret|token|password|passwd|access-?key|^(ak|sk)$/i;

/** The words and flags of `argv` before `--`. */
function beforeSeparator(argv: readonly string[]): readonly string[] {
  const end = argv.indexOf('--');
  return end === -1 ? argv : argv.slice(0, end);
}

/** `help <command>` asks for that command's help, as `<command> --help` does; `help` alone for all. */
const HELP_WORD = 'help';

/** Whether a token is a flag (`-h`, `--json`, `--mode=x`); `-` alone is a value. */
const isFlag = (token: string) => token.startsWith('-') && token !== '-';

/** The flags of any command that take a value, as written (`--mode`, and `-x` for a short one). */
function valueFlags(commands: readonly Command[]): Set<string> {
  const flags = new Set<string>();
  for (const specs of [GLOBAL_OPTIONS, ...commands.map((command) => command.options)] as OptionSpecs[]) {
    for (const [name, spec] of Object.entries(specs)) {
      if (spec.type !== 'string') continue;
      flags.add(`--${name}`);
      if (spec.short !== undefined) flags.add(`-${spec.short}`);
    }
  }
  return flags;
}

/** The indexes of the words in `argv` that are not flags nor their values. */
function wordIndexes(argv: readonly string[], commands: readonly Command[]): number[] {
  const takesValue = valueFlags(commands);
  const indexes: number[] = [];
  const words = beforeSeparator(argv);
  for (let index = 0; index < words.length; index += 1) {
    const token = words[index] ?? '';
    if (!isFlag(token)) indexes.push(index);
    else if (takesValue.has(token)) index += 1;
  }
  return indexes;
}

/** A usage error for the first flag of `argv` the command does not know. */
function unknownFlagError(argv: readonly string[], options: OptionSpecs, commandName: string): UsageError {
  const shorts = new Set(Object.values(options).flatMap((spec) => spec.short ?? []));
  const unknown = beforeSeparator(argv)
    .filter(isFlag)
    .map((token) => (token.startsWith('--') ? (token.slice(2).split('=')[0] ?? '') : token.slice(1, 2)))
    .find((name) => !Object.hasOwn(options, name) && !shorts.has(name));
  const flag = unknown === undefined ? 'an unknown flag' : `${unknown.length === 1 ? '-' : '--'}${unknown}`;
  if (unknown !== undefined && SECRET_FLAG.test(unknown)) {
    return new UsageError(
      `${flag}: secrets are never taken from flags (they would show in ps and the shell history). ` +
        'Set HW_ACCESS_KEY and HW_SECRET_KEY (or OS_AUTH_TOKEN) in the environment.',
    );
  }
  const suggestion = unknown === undefined || unknown.length === 1 ? undefined : closestName(unknown, Object.keys(options));
  return new UsageError(
    `Unknown flag ${flag} for "${commandName}". ` +
      (suggestion === undefined ? `Run: ecs-resize ${commandName} --help` : `Did you mean --${suggestion}?`),
  );
}

/**
 * The refusal of a flag given without its value (last, or followed by another flag), in one
 * line with the value it takes, instead of `parseArgs`' "argument missing" or "argument is
 * ambiguous" text; undefined when the flag cannot be told from `error`.
 */
function missingValueError(error: Error, options: OptionSpecs, commandName: string): UsageError | undefined {
  const name = /^Option '--([^' ]+)/.exec(error.message)?.[1];
  const spec = name === undefined || !Object.hasOwn(options, name) ? undefined : options[name];
  if (spec?.type !== 'string') return undefined;
  return new UsageError(`--${name} needs a value: --${name} ${spec.value ?? '<value>'}. Run: ecs-resize ${commandName} --help`, {
    cause: error,
  });
}

/** The flags as `parseArgs` takes them. */
function parseArgsOptions(options: OptionSpecs): NonNullable<ParseArgsConfig['options']> {
  return Object.fromEntries(
    Object.entries(options).map(([name, { type, short }]) => [name, short === undefined ? { type } : { type, short }]),
  );
}

/** Parses the command's flags and arguments strictly. */
function parseCommand(command: Command, argv: readonly string[]): CommandLine {
  const options: OptionSpecs = { ...GLOBAL_OPTIONS, ...command.options };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...argv], options: parseArgsOptions(options), strict: true, allowPositionals: true });
  } catch (error) {
    const { code } = error as { code?: string };
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw unknownFlagError(argv, options, command.name);
    const missing =
      code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' ? missingValueError(error as Error, options, command.name) : undefined;
    if (missing !== undefined) throw missing;
    throw new UsageError(`${(error as Error).message}. Run: ecs-resize ${command.name} --help`, { cause: error });
  }
  const values = optionValues(parsed.values);
  if (values.flag('version')) return { kind: 'version' };
  const { positionals } = parsed;
  const replacedBy = Object.keys(command.argsReplacedBy ?? {}).find((flag) => values.string(flag) !== undefined);
  const args = replacedBy === undefined ? command.args : [];
  if (positionals.length !== args.length) {
    const expected =
      replacedBy === undefined
        ? args.map((name) => `<${name}>`).join(' ')
        : `--${replacedBy} ${command.argsReplacedBy?.[replacedBy] ?? ''}`;
    const what = positionals.length < args.length ? `missing <${args[positionals.length] ?? ''}>` : 'too many arguments';
    throw new UsageError(`ecs-resize ${command.name}: ${what}. Usage: ecs-resize ${command.name} ${expected}`.replace(/ +$/, ''));
  }
  return { kind: 'run', command, args: positionals, options: values };
}

/**
 * Reads a command line: which command (`check`, `fleet plan`: the first words that are not
 * flags), then its flags and arguments, strictly (`node:util` `parseArgs`): an unknown flag,
 * a missing value or a wrong number of arguments is a {@link UsageError}, with the nearest
 * command or flag when one is near (`Did you mean "check"?`). `--help` anywhere asks for help,
 * and wins over everything else; `help <command>` is `<command> --help`.
 */
export function parseCommandLine(argv: readonly string[], commands: readonly Command[]): CommandLine {
  const help = beforeSeparator(argv).some((token) => token === '--help' || token === '-h');
  const indexes = wordIndexes(argv, commands);
  const [first, second] = indexes.map((index) => argv[index] ?? '');
  if (first === undefined) {
    if (help) return { kind: 'help' };
    return beforeSeparator(argv).includes('--version') ? { kind: 'version' } : { kind: 'none' };
  }
  if (first === HELP_WORD) {
    const words = indexes.slice(1).map((index) => argv[index] ?? '');
    return words.length === 0 ? { kind: 'help' } : parseCommandLine([...words, '--help'], commands);
  }
  const group = commands.filter((command) => command.name.startsWith(`${first} `));
  const name = group.length > 0 && second !== undefined ? `${first} ${second}` : first;
  const command = commands.find((candidate) => candidate.name === name);
  if (command === undefined) {
    if (group.length > 0) {
      if (help && second === undefined) return { kind: 'help', group: first };
      const suggestion =
        second === undefined
          ? undefined
          : closestName(
              name,
              group.map((member) => member.name),
            );
      if (suggestion !== undefined) throw new UsageError(`Unknown command "${name}". Did you mean "${suggestion}"?`);
      const names = group.map((member) => member.name.slice(first.length + 1)).join(', ');
      throw new UsageError(`ecs-resize ${first} needs one of: ${names}. Run: ecs-resize ${first} --help`);
    }
    const firstWords = [...new Set([...commands.map((candidate) => candidate.name.split(' ')[0] ?? ''), HELP_WORD])];
    const suggestion = closestName(first, firstWords);
    throw new UsageError(
      `Unknown command "${first}". ${suggestion === undefined ? 'Run: ecs-resize --help' : `Did you mean "${suggestion}"?`}`,
    );
  }
  if (help) return { kind: 'help', command };
  const wordCount = command.name.split(' ').length;
  const rest = argv.filter((_, index) => !indexes.slice(0, wordCount).includes(index));
  return parseCommand(command, rest);
}
