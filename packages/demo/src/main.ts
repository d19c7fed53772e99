#!/usr/bin/env node
import { InterruptedError } from '@ecs-resize/cli';
import { constants } from 'node:os';
import { runDemoCommand } from './demo-command.js';

// The demo's process (`pnpm start`). Ctrl-C (SIGINT) or SIGTERM stops it where it is, as it
// stops the CLI; a second signal ends the process at once.
const controller = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (controller.signal.aborted) process.exit(128 + constants.signals[signal]);
    controller.abort(new InterruptedError(signal));
  });
}

process.exitCode = await runDemoCommand(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  signal: controller.signal,
});
