import { runCli } from '../../src/index.js';
import { expectNoSecrets } from './cli.js';

/** What one in-process run of the CLI wrote. */
export interface InProcessRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the CLI in this process (`runCli`, as the binary does) with exactly `env`, its streams
 * captured, not a terminal; fails the test when a secret appears in its output.
 */
export async function runInProcess(args: readonly string[], env: Record<string, string> = {}): Promise<InProcessRun> {
  let [stdout, stderr] = ['', ''];
  const code = await runCli(args, {
    stdout: { isTTY: false, write: (text: string) => (stdout += text) },
    stderr: { isTTY: false, write: (text: string) => (stderr += text) },
    env,
    cwd: process.cwd(),
  });
  const result = { code, stdout, stderr };
  expectNoSecrets(result);
  return result;
}
