import { redactSecrets } from '@ecs-resize/core';
import { credentialsFromEnv, secretsIn } from '../config/credentials.js';
import { connectionFlagsOf } from '../args/global-options.js';
import { resolveEndpoint, resolveProjectId } from '../config/connection.js';
import { ExitCode } from '../exit-codes.js';
import { formatTable } from '../output/table.js';
import type { Command } from './command.js';

/** One setting: its value and where it came from, or why it is missing. */
type Setting = { readonly value: string; readonly source: string } | { readonly missing: string };

/** A setting, or the usage error that says why it is missing. */
function setting(resolve: () => { value: string; source: string }): Setting {
  try {
    return resolve();
  } catch (error) {
    return { missing: (error as Error).message };
  }
}

/** `ecs-resize config`: what the other commands would use. */
export const configCommand: Command = {
  name: 'config',
  summary: 'show the endpoint, project, credentials (never their values) and rules in use',
  args: [],
  options: {
    force: { type: 'string', value: '<rule-id,...>', description: 'show the rules as --force would leave them' },
  },
  description: [
    'Resolves the settings as the other commands do (flags first, then the environment) and',
    'the rules config, and shows each with where it came from. Sends nothing. Exit code 2 when',
    'a setting is missing or the rules config is bad.',
  ].join('\n'),
  examples: ['ecs-resize config', 'ecs-resize config --region eu-de --json'],
  async run({ options, terminal, io, rulesConfig, engine }) {
    const flags = connectionFlagsOf(options);
    const settings = {
      endpoint: setting(() => {
        const endpoint = resolveEndpoint(flags, io.env);
        // Shown without its user info (`https://user:password@host`) and with any secret masked.
        return { ...endpoint, value: redactSecrets(endpoint.value, secretsIn(io.env)) };
      }),
      projectId: setting(() => resolveProjectId(flags, io.env)),
      credentials: setting(() => {
        const { source } = credentialsFromEnv(io.env);
        return { value: source, source: 'environment' };
      }),
    };
    const file = await rulesConfig();
    const rules = (await engine()).activeRules;
    if (terminal.json) {
      terminal.printJson({
        ...settings,
        rulesConfig: file.path ?? null,
        plugins: file.plugins.map((plugin) => plugin.meta.name),
        rules,
      });
    } else {
      const { colors } = terminal;
      const rows = Object.entries(settings).map(([key, value]) => {
        const name = key === 'projectId' ? 'project id' : key;
        return 'missing' in value ? [name, colors.red('missing'), value.missing] : [name, value.value, value.source];
      });
      const from = options.string('config') === undefined ? 'current directory' : '--config';
      rows.push(['rules config', file.path ?? 'none: the recommended rules', file.path === undefined ? '' : from]);
      terminal.print(formatTable(['Setting', 'Value', 'From'], rows, colors));
      terminal.print(
        `\n${formatTable(
          ['Rule', 'Severity'],
          rules.map((rule) => [rule.id, rule.severity]),
          colors,
        )}`,
      );
    }
    return Object.values(settings).some((value) => 'missing' in value) ? ExitCode.usage : ExitCode.ok;
  },
};
