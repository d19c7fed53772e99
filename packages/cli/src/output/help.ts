import { GLOBAL_OPTIONS } from '../args/global-options.js';
import type { OptionSpecs } from '../args/option-spec.js';
import type { Command } from '../commands/command.js';
import type { Colors } from './colors.js';

/** The environment variables, for the overview. */
const ENVIRONMENT: readonly (readonly [string, string])[] = [
  ['HW_ACCESS_KEY, HW_SECRET_KEY', 'AK/SK credentials (HW_SECURITY_TOKEN too, for temporary ones)'],
  ['OS_AUTH_TOKEN', 'an IAM token, used when no AK/SK is set'],
  ['HW_PROJECT_ID', 'the project id'],
  ['HW_REGION_NAME', 'the region: endpoint https://ecs.{region}.myhuaweicloud.com (eu-de, eu-nl: .otc.t-systems.com)'],
  ['ECS_ENDPOINT', "the endpoint, instead of the region's"],
  ['NO_COLOR', 'no colours'],
];

/** The exit codes, for the overview. */
const EXIT_CODES = '0 ok, 1 blocked by the preflight, 2 usage error, 3 API error, 4 job failed, 130 interrupted (Ctrl-C)';

/** A command's synopsis: `check <server> <flavor>`. */
const synopsis = (command: Command) => [command.name, ...command.args.map((arg) => `<${arg}>`)].join(' ');

/** A command's other synopses, one per flag that replaces its arguments: `check --terraform <plan.json>`. */
const otherSynopses = (command: Command) =>
  Object.entries(command.argsReplacedBy ?? {}).map(([flag, value]) => `${command.name} --${flag} ${value}`);

/** An indented two-column list. */
const indented = (rows: readonly (readonly [string, string])[]) =>
  rows.map(([left, right]) => `  ${left.padEnd(Math.max(...rows.map(([cell]) => cell.length)) + 2)}${right}`).join('\n');

/** Flags as help lines: `--mode <mode>  what it does`. */
function flagLines(options: OptionSpecs): string {
  return indented(
    Object.entries(options).map(([name, spec]) => {
      const flag = [
        spec.short === undefined ? '' : `-${spec.short}, `,
        `--${name}`,
        spec.value === undefined ? '' : ` ${spec.value}`,
      ].join('');
      return [flag, spec.description] as const;
    }),
  );
}

/** The help of one command: usage, description, its flags, the global flags, examples. */
export function formatCommandHelp(command: Command, colors: Colors): string {
  const sections = [
    [synopsis(command), ...otherSynopses(command)]
      .map((usage, index) => `${index === 0 ? colors.bold('Usage:') : '      '} ecs-resize ${usage} [flags]`)
      .join('\n'),
    command.description,
    ...(Object.keys(command.options).length > 0 ? [`${colors.bold('Flags:')}\n${flagLines(command.options)}`] : []),
    `${colors.bold('Global flags:')}\n${flagLines(GLOBAL_OPTIONS)}`,
    `${colors.bold('Examples:')}\n${command.examples.map((example) => `  ${example}`).join('\n')}`,
  ];
  return sections.join('\n\n');
}

/**
 * The list of `commands`: the overview (usage, commands, global flags, environment, exit
 * codes) for all of them, or the help of a group such as `fleet`.
 */
export function formatCommandList(commands: readonly Command[], colors: Colors, group?: string): string {
  const list = indented(commands.map((command) => [synopsis(command), command.summary] as const));
  if (group !== undefined) {
    return [
      `${colors.bold('Usage:')} ecs-resize ${group} <command> [arguments] [flags]`,
      `${colors.bold('Commands:')}\n${list}`,
      `Run 'ecs-resize ${group} <command> --help' for a command's flags and examples.`,
    ].join('\n\n');
  }
  return [
    'ecs-resize: change the flavor of ECS servers on Huawei Cloud and Open Telekom Cloud, with the preflight checks first.',
    `${colors.bold('Usage:')} ecs-resize <command> [arguments] [flags]`,
    `${colors.bold('Commands:')}\n${list}`,
    `${colors.bold('Global flags:')}\n${flagLines(GLOBAL_OPTIONS)}`,
    `${colors.bold('Environment:')}\n${indented(ENVIRONMENT)}`,
    `${colors.bold('Exit codes:')} ${EXIT_CODES}.`,
    "Run 'ecs-resize help <command>' (or 'ecs-resize <command> --help') for a command's flags and examples.",
  ].join('\n\n');
}
