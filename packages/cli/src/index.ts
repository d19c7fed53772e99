/**
 * @ecs-resize/cli: the `ecs-resize` command, and the same as functions for scripts.
 */
export { runCli } from './run-cli.js';
export type { CliIo } from './cli-io.js';
export type { OutputStream } from './output/output-stream.js';
export { ExitCode } from './exit-codes.js';
export { runDemo, type DemoOptions } from './demo.js';
