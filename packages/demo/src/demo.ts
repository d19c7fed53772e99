import { colorsFor, ExitCode, formatTable, runCli, type CliIo, type OutputStream } from '@ecs-resize/cli';
import {
  DEFAULT_CREDENTIALS,
  DEFAULT_PROJECT_ID,
  defaultData,
  SERVERS,
  startEmulator,
  type Emulator,
} from '@ecs-resize/emulator';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Options of {@link runDemo}. */
export interface DemoOptions {
  /** Where the walk-through goes, errors included (a transcript, in order). */
  readonly stdout: OutputStream;
  /** The environment; only `NO_COLOR` is read. @default {} */
  readonly env?: CliIo['env'] | undefined;
  /**
   * An emulator already running there (with its default project and credentials), instead of
   * starting one. Its servers must be as seeded.
   * @default an embedded emulator on 127.0.0.1
   */
  readonly endpoint?: string | undefined;
  /** How long each job of the embedded emulator runs, in milliseconds. @default 1000 */
  readonly jobDurationMs?: number | undefined;
  /** Aborting it (Ctrl-C) stops the demo where it is. */
  readonly signal?: AbortSignal | undefined;
}

/** One command of the walk-through, and the exit code it must end with. */
interface DemoStep {
  readonly argv: readonly string[];
  /** The command in short, for the summary. */
  readonly label: string;
  readonly expected: number;
}

/** One case: what it shows, and its commands. */
interface DemoCase {
  readonly title: string;
  readonly steps: readonly DemoStep[];
}

/** The first pause between two polls of a job, in the demo's commands (ms). */
const POLL_INTERVAL = '250';

/** The seeded servers' names by id: the summary names a server as the case's heading does. */
const SERVER_NAMES = new Map(defaultData().servers.map((server) => [server.id, server.name]));

/** `ecs-resize resize <server> <flavor> [flags]`, waited for with the demo's short poll interval. */
function resize(server: keyof typeof SERVERS, flavor: string, expected: number, ...flags: string[]): DemoStep {
  const serverId = SERVERS[server];
  const poll = flags.includes('--wait') ? ['--interval', POLL_INTERVAL] : [];
  return {
    argv: ['resize', serverId, flavor, ...flags, ...poll],
    label: [`resize ${SERVER_NAMES.get(serverId) ?? serverId} ${flavor}`, ...flags].join(' '),
    expected,
  };
}

/** The cases, on the emulator's seeded servers, with targets from their `resize_flavors`. */
const CASES: readonly DemoCase[] = [
  {
    title: 'A running server (kvm-s3-running): blocked, then resized with withStopServer',
    steps: [
      resize('kvmRunning', 's3.xlarge.2', ExitCode.blocked),
      resize('kvmRunning', 's3.xlarge.2', ExitCode.ok, '--mode', 'withStopServer', '--wait'),
    ],
  },
  {
    title: 'KVM → Xen (kvm-s3-stopped to s1.large): blocked; the API would accept it and the job would fail',
    steps: [resize('kvmStopped', 's1.large', ExitCode.blocked)],
  },
  {
    title: 'Xen with 25 VBD disks → KVM (xen-s1-25-vbd): blocked, even with the drivers confirmed',
    steps: [resize('xen25Vbd', 's3.xlarge.2', ExitCode.blocked, '--confirm', 'xen-to-kvm-drivers')],
  },
  {
    title: 'Xen → KVM (xen-c1-stopped-drivers): blocked until the drivers are confirmed, then resized',
    steps: [
      resize('xenDrivers', 's3.large.2', ExitCode.blocked),
      resize('xenDrivers', 's3.large.2', ExitCode.ok, '--confirm', 'xen-to-kvm-drivers', '--wait'),
    ],
  },
  {
    title: 'S1 → H1 (xen-s1-24-vbd-2-scsi): blocked until the H1 driver is confirmed, then resized',
    steps: [
      resize('xen24Vbd', 'h1.xlarge.2', ExitCode.blocked),
      resize('xen24Vbd', 'h1.xlarge.2', ExitCode.ok, '--confirm', 'h1-drivers', '--wait'),
    ],
  },
  {
    title: 'A confirmation is a promise: xen-s1-stopped-no-drivers has no H1 driver, confirmed anyway',
    steps: [resize('xenStopped', 'h1.large.2', ExitCode.jobFailed, '--confirm', 'h1-drivers', '--wait')],
  },
];

/** What an exit code means, for the summary. */
const OUTCOMES: Readonly<Record<number, string>> = {
  [ExitCode.ok]: 'done',
  [ExitCode.blocked]: 'blocked by the preflight, nothing sent',
  [ExitCode.usage]: 'usage error',
  [ExitCode.api]: 'API error',
  [ExitCode.jobFailed]: 'sent; the job failed',
};

/**
 * The demo: starts the embedded ECS emulator (unless `endpoint` names one) and walks through
 * the cases the preflight rules exist for, running each `ecs-resize` command in-process so
 * that it prints exactly as the CLI prints: a running server, KVM → Xen, Xen with 25 VBD
 * disks → KVM, Xen → KVM without then with the driver confirmation, S1 → H1, and a wrong
 * confirmation. Ends with a summary table. Resolves to 0 when every command ended as
 * expected, to 70 otherwise, and to the interruption's code when `signal` aborts.
 */
export async function runDemo(options: DemoOptions): Promise<number> {
  const { stdout, env = {}, signal } = options;
  const colors = colorsFor(stdout, env);
  const emulator: Emulator | undefined =
    options.endpoint === undefined ? await startEmulator({ jobDurationMs: options.jobDurationMs ?? 1000 }) : undefined;
  const endpoint = emulator?.url ?? options.endpoint ?? '';
  const io: CliIo = {
    stdout,
    stderr: stdout,
    // Where no rules config is: the demo shows the built-in rules, whatever the current directory holds.
    cwd: dirname(fileURLToPath(import.meta.url)),
    signal,
    env: {
      ECS_ENDPOINT: endpoint,
      HW_PROJECT_ID: emulator?.projectId ?? DEFAULT_PROJECT_ID,
      HW_ACCESS_KEY: DEFAULT_CREDENTIALS.accessKey,
      HW_SECRET_KEY: DEFAULT_CREDENTIALS.secretKey,
      ...(env['NO_COLOR'] === undefined ? {} : { NO_COLOR: env['NO_COLOR'] }),
    },
  };
  const print = (text: string) => void stdout.write(`${text}\n`);
  const rows: string[][] = [];
  let unexpected = 0;
  try {
    print(`${colors.bold('ecs-resize demo')}: ECS emulator at ${endpoint}, requests signed with AK/SK.`);
    print('Each step runs an ecs-resize command and shows what it prints.');
    for (const [index, demoCase] of CASES.entries()) {
      print(`\n${colors.bold(`${index + 1}. ${demoCase.title}`)}`);
      for (const step of demoCase.steps) {
        print(colors.cyan(`\n$ ecs-resize ${step.argv.join(' ')}`));
        const exitCode = await runCli(step.argv, io);
        if (signal?.aborted) return exitCode;
        const outcome = OUTCOMES[exitCode] ?? `exit code ${exitCode}`;
        if (exitCode !== step.expected) unexpected += 1;
        const verdict = exitCode === step.expected ? outcome : colors.red(`${outcome} (expected exit code ${step.expected})`);
        rows.push([String(index + 1), step.label, String(exitCode), verdict]);
      }
    }
    print(`\n${colors.bold('Summary')}\n${formatTable(['#', 'Command', 'Exit', 'Outcome'], rows, colors)}`);
    return unexpected === 0 ? ExitCode.ok : ExitCode.internal;
  } finally {
    await emulator?.close();
  }
}
