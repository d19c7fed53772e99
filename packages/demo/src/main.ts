#!/usr/bin/env node
import { interruptSignal } from '@ecs-resize/cli';
import { runDemoCommand } from './demo-command.js';

// The demo's process (`pnpm start`): Ctrl-C (SIGINT) or SIGTERM stops it where it is, as it
// stops the CLI.
process.exitCode = await runDemoCommand(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  signal: interruptSignal(),
});
