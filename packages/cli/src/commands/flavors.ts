import type { TargetCheck } from '@ecs-resize/core';
import type { FlavorFacts, Report } from '@ecs-resize/rules';
import { PREFLIGHT_OPTIONS, preflightSettingsFrom } from '../args/preflight-options.js';
import { ExitCode } from '../exit-codes.js';
import type { Colors } from '../output/colors.js';
import { formatRam, formatVirtualization } from '../output/format-flavor.js';
import { formatTable } from '../output/table.js';
import { sanitizeTerminalText } from '../output/terminal-text.js';
import { resolveServerId } from '../servers/resolve-server.js';
import type { Command } from './command.js';

/** A sale status, highlighted when the flavor cannot be bought. */
function styledSaleStatus(status: string, colors: Colors): string {
  if (status === 'normal' || status === 'promotion') return status;
  return status === 'sellout' || status === 'abandon' || status === 'obt_sellout' ? colors.red(status) : colors.yellow(status);
}

/** The rules that block a resize to a target (its error findings), each once. */
const blockingRules = (report: Report) => [
  ...new Set(report.findings.filter((finding) => finding.severity === 'error').map((finding) => finding.ruleId)),
];

/** A target's verdict: `ready`, `ready, 2 warnings`, or `blocked`. */
function verdict(report: Report, colors: Colors): string {
  if (!report.ok) return colors.red('blocked');
  return report.warningCount === 0 ? colors.green('ready') : colors.yellow(`ready, ${report.warningCount} warnings`);
}

/** The targets as a table: what each flavor is, and what the rules say of a resize to it. */
function targetTable(targets: readonly TargetCheck<Report>[], colors: Colors): string {
  return formatTable(
    ['Flavor', 'vCPUs', 'RAM', 'Virtualization', 'Generation', 'Sale status', 'Verdict', 'Blocked by'],
    targets.map(({ facts: { target: flavor }, report }) => [
      sanitizeTerminalText(flavor.id),
      String(flavor.vcpus ?? '?'),
      formatRam(flavor.ramMiB),
      formatVirtualization(flavor.virtualization),
      sanitizeTerminalText(flavor.generation ?? '?'),
      styledSaleStatus(sanitizeTerminalText(flavor.saleStatus ?? '?'), colors),
      verdict(report, colors),
      sanitizeTerminalText(blockingRules(report).join(', ')),
    ]),
    colors,
  );
}

/** A target in `--json`: its flavor, whether `resize_flavors` lists it, and the report. */
function targetToJson({ flavorRef, listed, report }: TargetCheck<Report>) {
  return { flavorRef, listed, ok: report.ok, blockedBy: blockingRules(report), findings: report.findings };
}

/** `ecs-resize flavors <server>`: every flavor the server may change to, and the rules' verdict on each. */
export const flavorsCommand: Command = {
  name: 'flavors',
  summary: 'list the flavors a server may change to: vCPUs, RAM, sale status, and the verdict of the rules on each',
  args: ['server'],
  options: {
    ...PREFLIGHT_OPTIONS,
    all: { type: 'boolean', description: 'also the flavors resize_flavors does not offer for the server (and why not)' },
  },
  description: [
    "Lists the server's resize_flavors (every page) with what their extra specs say: Xen or KVM",
    "(ecs:virtualization_env_types), the generation, and the sale status in the server's zone;",
    'then runs the rules on a resize to each, as `ecs-resize check` would with the same flags,',
    'and shows the verdict and the rules that block it. Nothing is sent but reads.',
  ].join('\n'),
  examples: [
    'ecs-resize flavors 6f1b3c2a-0d4e-4b7a-9c11-2a5e8f000003',
    'ecs-resize flavors web-01 --confirm xen-to-kvm-drivers',
    'ecs-resize flavors 6f1b3c2a-0d4e-4b7a-9c11-2a5e8f000003 --all --json',
  ],
  async run({ args: [serverArg = ''], options, terminal, signal, client, engine }) {
    const rules = await engine();
    const settings = preflightSettingsFrom(options, rules);
    const ecs = await client();
    const server = await ecs.getServer(await resolveServerId(ecs, serverArg, signal), { signal });
    const zone = server['OS-EXT-AZ:availability_zone'];
    const targets = await ecs.checkTargets(server.id, { ...settings, preflight: rules, unlisted: options.flag('all'), signal });
    if (terminal.json) {
      const summary = {
        id: server.id,
        name: server.name,
        status: server.status,
        flavor: server.flavor.id,
        availabilityZone: zone,
      };
      const flavors: FlavorFacts[] = targets.map((target) => target.facts.target);
      terminal.printJson({ server: summary, flavors, targets: targets.map(targetToJson) });
      return ExitCode.ok;
    }
    const { colors } = terminal;
    terminal.print(
      `server ${colors.bold(sanitizeTerminalText(server.name ?? server.id))} ${sanitizeTerminalText(`(${server.id})  ${server.status}  ${server.flavor.id}  ${zone ?? ''}`)}`.trimEnd(),
    );
    const ready = targets.filter((target) => target.report.ok).length;
    terminal.print(
      targets.length === 0
        ? 'No flavor to change to.'
        : `${targets.length} flavors to change to, ${ready} ready:\n${targetTable(targets, colors)}`,
    );
    return ExitCode.ok;
  },
};
