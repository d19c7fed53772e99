import { confirmationHelp } from '../args/confirmations.js';
import { PREFLIGHT_OPTIONS, preflightSettingsFrom } from '../args/preflight-options.js';
import { ExitCode } from '../exit-codes.js';
import { formatPreflight, preflightToJson } from '../output/format-report.js';
import { runPreflight } from '../preflight/run-preflight.js';
import type { Command } from './command.js';
import { resolveServerId } from '../servers/resolve-server.js';

/** `ecs-resize check <server> <flavor>`: the preflight report, nothing sent. */
export const checkCommand: Command = {
  name: 'check',
  summary: 'run the preflight rules on a resize and print the report; nothing is changed',
  args: ['server', 'flavor'],
  options: PREFLIGHT_OPTIONS,
  description: [
    'Reads the server, its allowed target flavors, its disks and the flavors from the API, and',
    'runs the rules (the built-in ones, and those of the rules config). Exit code 0 when the',
    'resize may go ahead, 1 when a rule blocks it. Nothing is sent but reads.',
    confirmationHelp(),
  ].join('\n'),
  examples: [
    'ecs-resize check 6f1b3c2a-0d4e-4b7a-9c11-2a5e8f000003 s3.large.2',
    'ecs-resize check 6f1b3c2a-0d4e-4b7a-9c11-2a5e8f000003 s3.large.2 --confirm xen-to-kvm-drivers --json',
    'ecs-resize check 6f1b3c2a-0d4e-4b7a-9c11-2a5e8f000013 s3.xlarge.2 --auto-pay',
  ],
  async run({ args: [server = '', flavorRef = ''], options, terminal, signal, client, engine }) {
    const rules = await engine();
    const settings = preflightSettingsFrom(options, rules);
    const ecs = client();
    const serverId = await resolveServerId(ecs, server, signal);
    const result = await runPreflight(ecs, rules, serverId, flavorRef, { ...settings, signal });
    if (terminal.json) terminal.printJson(preflightToJson(result));
    else terminal.print(formatPreflight(result, terminal.colors));
    return result.report.ok ? ExitCode.ok : ExitCode.blocked;
  },
};
