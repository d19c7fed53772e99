#!/usr/bin/env node
import { interruptSignal } from './interrupt-signal.js';
import { runCli } from './run-cli.js';

// A reader that went away (`ecs-resize flavors … | head -1`) is no error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
  signal: interruptSignal(),
});
