// Starts emulator-process.mjs as a child process, for benchmarks.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** Starts the emulator in a child process (`args` go to it); resolves with its address and a stop function. */
export async function startEmulatorProcess(args = []) {
  const child = spawn(process.execPath, [fileURLToPath(new URL('./emulator-process.mjs', import.meta.url)), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [line] = await once(createInterface({ input: child.stdout }), 'line');
  return { ...JSON.parse(line), stop: () => child.kill('SIGTERM') };
}
