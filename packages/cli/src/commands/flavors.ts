import { ExitCode } from '../exit-codes.js';
import { describeTargetFlavor, type TargetFlavor } from '../flavors/target-flavor.js';
import type { Colors } from '../output/colors.js';
import { formatRam, formatVirtualization } from '../output/format-flavor.js';
import { formatTable } from '../output/table.js';
import { sanitizeTerminalText } from '../output/terminal-text.js';
import type { Command } from './command.js';
import { resolveServerId } from '../servers/resolve-server.js';

/** A sale status, highlighted when the flavor cannot be bought. */
function styledSaleStatus(status: string, colors: Colors): string {
  if (status === 'normal' || status === 'promotion') return status;
  return status === 'sellout' || status === 'abandon' || status === 'obt_sellout' ? colors.red(status) : colors.yellow(status);
}

/** The targets as a table. */
function flavorTable(flavors: readonly TargetFlavor[], colors: Colors): string {
  return formatTable(
    ['Flavor', 'vCPUs', 'RAM', 'Virtualization', 'Generation', 'Sale status'],
    flavors.map((flavor) => [
      sanitizeTerminalText(flavor.id),
      String(flavor.vcpus ?? '?'),
      formatRam(flavor.ramMiB),
      formatVirtualization(flavor.virtualization),
      sanitizeTerminalText(flavor.generation ?? '?'),
      styledSaleStatus(sanitizeTerminalText(flavor.saleStatus ?? '?'), colors),
    ]),
    colors,
  );
}

/** `ecs-resize flavors <server>`: the flavors the server may change to. */
export const flavorsCommand: Command = {
  name: 'flavors',
  summary: 'list the flavors a server may change to: vCPUs, RAM, virtualization, sale status',
  args: ['server'],
  options: {},
  description: [
    "Lists the server's resize_flavors (every page) with what their extra specs say: Xen or KVM",
    "(ecs:virtualization_env_types), the generation, and the sale status in the server's zone.",
    'Being listed does not make a resize safe: run `ecs-resize check` on the one you pick.',
  ].join('\n'),
  examples: [
    'ecs-resize flavors 6f1b3c2a-0d4e-4b7a-9c11-2a5e8f000003',
    'ecs-resize flavors 6f1b3c2a-0d4e-4b7a-9c11-2a5e8f000003 --json',
  ],
  async run({ args: [serverArg = ''], terminal, signal, client }) {
    const ecs = client();
    const server = await ecs.getServer(await resolveServerId(ecs, serverArg, signal), { signal });
    const zone = server['OS-EXT-AZ:availability_zone'];
    const flavors = (await ecs.listResizeFlavors(server.id, { signal })).map((flavor) => describeTargetFlavor(flavor, zone));
    if (terminal.json) {
      const summary = {
        id: server.id,
        name: server.name,
        status: server.status,
        flavor: server.flavor.id,
        availabilityZone: zone,
      };
      terminal.printJson({ server: summary, flavors });
      return ExitCode.ok;
    }
    const { colors } = terminal;
    terminal.print(
      `server ${colors.bold(sanitizeTerminalText(server.name ?? server.id))} ${sanitizeTerminalText(`(${server.id})  ${server.status}  ${server.flavor.id}  ${zone ?? ''}`)}`.trimEnd(),
    );
    terminal.print(
      flavors.length === 0
        ? 'No flavor to change to.'
        : `${flavors.length} flavors to change to:\n${flavorTable(flavors, colors)}`,
    );
    return ExitCode.ok;
  },
};
