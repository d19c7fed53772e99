import type { EcsClient } from '@ecs-resize/core';
import { ExitCode } from '../exit-codes.js';
import type { Colors } from '../output/colors.js';
import { formatTable } from '../output/table.js';
import { sanitizeTerminalText } from '../output/terminal-text.js';
import type { Command } from './command.js';

/** A server as `listServers` gives it. */
type Server = Awaited<ReturnType<EcsClient['listServers']>>[number];

/** What `servers` shows of a server, in the table and in `--json`. */
function serverSummary(server: Server) {
  return { id: server.id, name: server.name, status: server.status, flavor: server.flavor.id };
}

/** The servers as a table; every cell is API text, made safe for the terminal. */
function serverTable(servers: readonly Server[], colors: Colors): string {
  return formatTable(
    ['ID', 'Name', 'Status', 'Flavor'],
    servers.map((server) => [server.id, server.name ?? '', server.status, server.flavor.id].map(sanitizeTerminalText)),
    colors,
  );
}

/** `ecs-resize servers`: the project's servers, to find the one to resize. */
export const serversCommand: Command = {
  name: 'servers',
  summary: 'list the servers of the project: id, name, status, flavor',
  args: [],
  options: {},
  description: [
    'Lists every server of the project (every page) with its id, name, status and flavor. The',
    'commands that take a <server> take its id, or its name where no other server has it.',
  ].join('\n'),
  examples: ['ecs-resize servers', 'ecs-resize servers --json'],
  async run({ terminal, signal, client }) {
    const servers = await (await client()).listServers({ signal });
    if (terminal.json) terminal.printJson({ servers: servers.map(serverSummary) });
    else terminal.print(servers.length === 0 ? 'No servers.' : serverTable(servers, terminal.colors));
    return ExitCode.ok;
  },
};
