import { colorsFor, ExitCode, type CliIo, type OutputStream } from '@ecs-resize/cli';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { runDemo } from './demo.js';
import { DemoSetupError } from './demo-setup-error.js';
import { serveDemoConsole } from './serve-console.js';

/** How long a job of the console's emulator runs (ms): long enough to watch its progress. */
const CONSOLE_JOB_DURATION_MS = 2000;

/** The demo's flags, for its usage line. */
const USAGE = 'Usage: pnpm start [--endpoint <url>] | pnpm start --serve [--port <n>]';

/** What the demo runs with. */
export interface DemoCommandIo {
  /** The walk-through, or the console's URL. */
  readonly stdout: OutputStream;
  /** Errors. */
  readonly stderr: OutputStream;
  /** The environment; only `NO_COLOR` is read. */
  readonly env: CliIo['env'];
  /** Aborted on Ctrl-C, with the CLI's `InterruptedError` as the reason: the demo stops where it is. */
  readonly signal: AbortSignal;
}

/** The flags, parsed; a flag it does not know or a bad combination is a {@link DemoSetupError}. */
function parseDemoArgs(argv: readonly string[]) {
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: { serve: { type: 'boolean' }, port: { type: 'string' }, endpoint: { type: 'string' } },
    });
    if (values.serve !== true && values.port !== undefined) throw new DemoSetupError('--port goes with --serve.');
    if (values.serve === true && values.endpoint !== undefined)
      throw new DemoSetupError('--serve runs its own emulator: --endpoint is for the walk-through.');
    if (values.port !== undefined && !(/^\d{1,5}$/.test(values.port) && Number(values.port) <= 65_535))
      throw new DemoSetupError(`--port takes a port number from 0 to 65535, not "${values.port}".`);
    const port = values.port === undefined ? undefined : Number(values.port);
    return { serve: values.serve === true, port, endpoint: values.endpoint };
  } catch (error) {
    throw error instanceof DemoSetupError ? error : new DemoSetupError((error as Error).message, { cause: error });
  }
}

/**
 * `pnpm start [--endpoint <url>]`: the walk-through of {@link runDemo} on an embedded emulator
 * (or the one at `--endpoint`). `pnpm start --serve [--port <n>]`: the demo console on
 * 127.0.0.1 until `signal` aborts, then "Stopped." and 0. Resolves to the exit code; a
 * {@link DemoSetupError} is printed with the usage line and gives 2.
 */
export async function runDemoCommand(argv: readonly string[], io: DemoCommandIo): Promise<number> {
  const print = (text: string) => void io.stdout.write(`${text}\n`);
  try {
    const { serve, port, endpoint } = parseDemoArgs(argv);
    if (!serve) return await runDemo({ stdout: io.stdout, env: io.env, endpoint, signal: io.signal });
    const demoConsole = await serveDemoConsole(port ?? 0, CONSOLE_JOB_DURATION_MS);
    print(`Demo console: ${demoConsole.url}\nOpen it in a browser; Ctrl-C stops it.`);
    if (!io.signal.aborted) await once(io.signal, 'abort');
    await demoConsole.close();
    print('Stopped.');
    return ExitCode.ok;
  } catch (error) {
    if (!(error instanceof DemoSetupError)) throw error;
    io.stderr.write(`${colorsFor(io.stderr, io.env).red('error:')} ${error.message}\n${USAGE}\n`);
    return ExitCode.usage;
  }
}
