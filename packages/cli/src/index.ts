/**
 * @ecs-resize/cli: the `ecs-resize` command, and the same as functions for scripts.
 * `InterruptedError` is the abort reason `CliIo.signal` expects (Ctrl-C), and
 * `interruptSignal` a signal that SIGINT and SIGTERM abort with it; `colorsFor` and
 * `formatTable` let a program print beside the CLI's output in its style (the repository's
 * demo does).
 */
export { runCli } from './run-cli.js';
export type { CliIo } from './cli-io.js';
export type { OutputStream } from './output/output-stream.js';
export { ExitCode } from './exit-codes.js';
export { InterruptedError } from './errors/InterruptedError.js';
export { interruptSignal } from './interrupt-signal.js';
export { colorsFor, type Colors } from './output/colors.js';
export { formatTable } from './output/table.js';
