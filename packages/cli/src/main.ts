#!/usr/bin/env node
import { constants } from 'node:os';
import { InterruptedError } from './errors/InterruptedError.js';
import { runCli } from './run-cli.js';

// Ctrl-C (SIGINT) or SIGTERM aborts the command's signal: waits stop cleanly and say how to
// resume. A second signal ends the process at once.
const controller = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (controller.signal.aborted) process.exit(128 + constants.signals[signal]);
    controller.abort(new InterruptedError(signal));
  });
}

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
  signal: controller.signal,
});
