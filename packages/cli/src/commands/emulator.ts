import type * as EmulatorPackage from '@ecs-resize/emulator';
import { once } from 'node:events';
import { ENV } from '../config/environment.js';
import { UsageError } from '../errors/UsageError.js';
import { ExitCode } from '../exit-codes.js';
import { shellQuote } from '../output/shell-quote.js';
import type { Command } from './command.js';

/**
 * The package `ecs-resize emulator` runs. It is an optional peer dependency of the CLI:
 * installing the CLI does not install it, and the CLI's bundle loads it only here.
 */
const EMULATOR_PACKAGE = '@ecs-resize/emulator';

/** The largest seed: the emulator takes any safe integer. */
const MAX_SEED = Number.MAX_SAFE_INTEGER;

/**
 * The requests the emulator's log keeps: nothing in this process reads it, and one that runs for
 * days must not grow with every request (the package's default suits tests, not a server).
 */
const LOGGED_REQUESTS = 1_000;

/**
 * The emulator package, loaded on first use.
 * @throws {UsageError} When it is not installed, naming the package to install.
 */
async function loadEmulator(): Promise<typeof EmulatorPackage> {
  try {
    return await import('@ecs-resize/emulator');
  } catch (error) {
    const missing =
      (error as { code?: unknown }).code === 'ERR_MODULE_NOT_FOUND' && String(error).includes(`'${EMULATOR_PACKAGE}'`);
    if (!missing) throw error;
    throw new UsageError(
      `ecs-resize emulator needs the package ${EMULATOR_PACKAGE}, which is not installed. Install it beside the CLI: npm i -g ${EMULATOR_PACKAGE}`,
      { cause: error },
    );
  }
}

/**
 * Starts the emulator on 127.0.0.1, on `port` (0: a free one).
 * @throws {UsageError} When the port is taken or may not be opened.
 */
async function startOn(emulator: typeof EmulatorPackage, options: EmulatorPackage.EmulatorOptions & { port: number }) {
  try {
    return await emulator.startEmulator(options);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'EADDRINUSE')
      throw new UsageError(`Port ${options.port} on 127.0.0.1 is in use: pick another with --port, or leave --port out.`);
    if (code === 'EACCES')
      throw new UsageError(`Port ${options.port} on 127.0.0.1 may not be opened by this user: pick one above 1023.`);
    throw error;
  }
}

/** `ecs-resize emulator`: the local ECS API of the tests and the demo, in the foreground. */
export const emulatorCommand: Command = {
  name: 'emulator',
  summary: 'run a local emulator of the ECS API and print the settings that point ecs-resize at it',
  args: [],
  options: {
    port: { type: 'string', value: '<port>', description: 'the port on 127.0.0.1, 1-65535 (default: a free one)' },
    seed: { type: 'string', value: '<n>', description: 'the seed of the ids and job ids it makes (default 1)' },
  },
  description: [
    `Starts the emulator of ${EMULATOR_PACKAGE} on 127.0.0.1, with its example servers and`,
    `flavors (install it first: npm i -g ${EMULATOR_PACKAGE}), and prints the export lines of`,
    `${ENV.endpoint}, ${ENV.projectId}, ${ENV.accessKey} and ${ENV.secretKey} for it: paste them into another`,
    'shell, or read them from a file (below), and every command of that shell talks to the',
    'emulator. The AK/SK pair is made for this run; the emulator accepts no other. It runs',
    'until Ctrl-C (SIGINT) or SIGTERM, then stops and exits with 0.',
  ].join('\n'),
  examples: [
    'ecs-resize emulator',
    'ecs-resize emulator --port 8080 --seed 7',
    'ecs-resize emulator > emulator.env &   # once it has printed them: . ./emulator.env && ecs-resize servers',
  ],
  async run({ options, terminal, signal }) {
    const port = options.integer('port', 1, 65535) ?? 0;
    const seed = options.integer('seed', 0, MAX_SEED) ?? 1;
    // Loaded here: node:crypto costs every other command's start-up about 2 ms.
    const { randomBytes } = await import('node:crypto');
    const credentials = {
      accessKey: randomBytes(10).toString('hex').toUpperCase(),
      secretKey: randomBytes(30).toString('base64url'),
    };
    const emulator = await startOn(await loadEmulator(), {
      port,
      seed,
      auth: { tokens: [], credentials: [credentials] },
      maxLoggedRequests: LOGGED_REQUESTS,
    });
    const env = {
      [ENV.endpoint]: emulator.url,
      [ENV.projectId]: emulator.projectId,
      [ENV.accessKey]: credentials.accessKey,
      [ENV.secretKey]: credentials.secretKey,
    };
    if (terminal.json) terminal.printJson({ url: emulator.url, projectId: emulator.projectId, env });
    else
      terminal.print(
        Object.entries(env)
          .map(([name, value]) => `export ${name}=${shellQuote(value)}`)
          .join('\n'),
      );
    terminal.printError(`The ECS emulator listens on ${emulator.url} (seed ${seed}). Ctrl-C stops it.`);
    if (!signal.aborted) await once(signal, 'abort');
    await emulator.close();
    terminal.printError('The emulator stopped.');
    return ExitCode.ok;
  },
};
