import { once } from 'node:events';
import { UsageError } from '../errors/UsageError.js';
import { ExitCode } from '../exit-codes.js';
import type { Command } from './command.js';

/** How long a job of the console's emulator runs (ms): long enough to watch its progress. */
const CONSOLE_JOB_DURATION_MS = 2000;

/** `ecs-resize demo [--serve [--port N]]`: the walk-through, or the demo console. */
export const demoCommand: Command = {
  name: 'demo',
  summary: 'walk through the cases the rules catch, on an embedded ECS emulator (--serve: a web console)',
  args: [],
  options: {
    serve: { type: 'boolean', description: 'serve a demo web console on 127.0.0.1 instead, until Ctrl-C' },
    port: { type: 'string', value: '<n>', description: "the console's port (default: a free one)" },
  },
  description: [
    'Starts an ECS emulator on 127.0.0.1 and runs ecs-resize commands against it, each printed',
    'as the CLI prints it: a running server, KVM → Xen, Xen with 25 VBD disks → KVM, Xen → KVM',
    'without and with the driver confirmation, S1 → H1, then a summary. Touches no cloud.',
    'With --endpoint, uses an emulator already running there instead.',
    'With --serve, serves a page of <ecs-resize-check> elements (@ecs-resize/browser) behind a',
    'signing proxy in front of the emulator, prints its URL, and runs until Ctrl-C.',
  ].join('\n'),
  examples: ['ecs-resize demo', 'ecs-resize demo --serve --port 8080'],
  async run({ options, terminal, io, signal }) {
    const port = options.integer('port', 0, 65_535);
    const endpoint = options.string('endpoint');
    if (terminal.json) throw new UsageError('The demo prints a transcript for people: --json does not apply.');
    if (!options.flag('serve')) {
      if (port !== undefined) throw new UsageError('--port goes with --serve.');
      const { runDemo } = await import('../demo.js');
      return runDemo({ stdout: io.stdout, env: io.env, endpoint, signal });
    }
    if (endpoint !== undefined) throw new UsageError('--serve runs its own emulator: --endpoint is for the walk-through.');
    const { serveDemoConsole } = await import('../demo-console/serve-console.js');
    const demoConsole = await serveDemoConsole(port ?? 0, CONSOLE_JOB_DURATION_MS);
    terminal.print(`Demo console: ${demoConsole.url}\nOpen it in a browser; Ctrl-C stops it.`);
    if (!signal.aborted) await once(signal, 'abort');
    await demoConsole.close();
    terminal.print('Stopped.');
    return ExitCode.ok;
  },
};
