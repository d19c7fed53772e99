import { spawn } from 'node:child_process';
import { BIN, expectNoSecrets, type CliResult } from './cli.js';

/** What the standard input of the run gets: a text, or spaces (JSON whitespace) without end. */
export type StdinFeed = { text: string } | 'endless';

/** One MiB of spaces: valid JSON whitespace, so only the size cap can end an endless feed. */
const SPACES = Buffer.alloc(2 ** 20, 0x20);

/**
 * Runs `node dist/bin.js ...args` with exactly `env`, its standard input fed `stdin`, and
 * waits for it to end; fails when a secret appears in its output. An endless feed writes as
 * fast as the pipe takes it until the process ends (its input closed).
 */
export function cliWithStdin(args: readonly string[], stdin: StdinFeed, env: Record<string, string> = {}): Promise<CliResult> {
  const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let [stdout, stderr] = ['', ''];
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  // The process may close its input before the feed ends (that is the point of an endless one).
  child.stdin.on('error', () => undefined);
  let open = true;
  if (stdin === 'endless') {
    const feed = () => {
      while (open && child.stdin.write(SPACES));
    };
    child.stdin.on('drain', feed);
    feed();
  } else child.stdin.end(stdin.text);
  return new Promise((resolve, reject) =>
    child.on('close', (code) => {
      open = false;
      child.stdin.destroy();
      try {
        expectNoSecrets({ stdout, stderr });
        resolve({ code, stdout, stderr });
      } catch (leak) {
        reject(leak as Error);
      }
    }),
  );
}
