import { DEFAULT_CREDENTIALS, DEFAULT_TOKEN, type Emulator } from '@ecs-resize/emulator';
import { execFile, spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { secretForms } from '../../../core/test/secret-forms.js';

/** The built binary (the root `pnpm test` builds it first). */
export const BIN = fileURLToPath(new URL('../../dist/bin.js', import.meta.url));

/** The secrets of the test environments: none may ever appear in any output. */
export const SECRETS = [DEFAULT_CREDENTIALS.secretKey, DEFAULT_TOKEN] as const;

/** What a run of the binary produced. */
export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Fails the test when a secret, in any of its {@link secretForms}, appears in the output. */
export function expectNoSecrets({ stdout, stderr }: Pick<CliResult, 'stdout' | 'stderr'>): void {
  for (const form of SECRETS.flatMap(secretForms)) expect(`${stdout}\n${stderr}`).not.toContain(form);
}

/** The environment for the emulator, with a token (`OS_AUTH_TOKEN`). */
export function tokenEnv(emulator: Emulator): Record<string, string> {
  return { ECS_ENDPOINT: emulator.url, HW_PROJECT_ID: emulator.projectId, OS_AUTH_TOKEN: DEFAULT_TOKEN };
}

/** The environment for the emulator, with AK/SK (`HW_ACCESS_KEY`, `HW_SECRET_KEY`). */
export function akSkEnv(emulator: Emulator): Record<string, string> {
  return {
    ECS_ENDPOINT: emulator.url,
    HW_PROJECT_ID: emulator.projectId,
    HW_ACCESS_KEY: DEFAULT_CREDENTIALS.accessKey,
    HW_SECRET_KEY: DEFAULT_CREDENTIALS.secretKey,
  };
}

/**
 * Runs `node dist/bin.js ...args` (or another built program, `bin`) with exactly `env` (a clean
 * environment), waits for it to end, and checks that no secret appears in its output.
 */
export function cli(args: readonly string[], env: Record<string, string> = {}, cwd?: string, bin = BIN): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [bin, ...args], { env, cwd, encoding: 'utf8' }, (error, stdout, stderr) => {
      const result = { code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr };
      try {
        expectNoSecrets(result);
        resolve(result);
      } catch (leak) {
        reject(leak as Error);
      }
    });
  });
}

/** A running binary, its output so far, and its end. */
export interface CliProcess {
  readonly child: ChildProcessByStdio<null, Readable, Readable>;
  /** Resolves with the first match of `pattern` in stdout. */
  waitFor(pattern: RegExp): Promise<RegExpMatchArray>;
  /** Resolves when it ends; no secret may be in its output. */
  readonly done: Promise<CliResult & { signal: NodeJS.Signals | null }>;
}

/** Starts `node dist/bin.js ...args` (or `bin`) with exactly `env`, to talk to it while it runs. */
export function spawnCli(args: readonly string[], env: Record<string, string> = {}, cwd?: string, bin = BIN): CliProcess {
  const child = spawn(process.execPath, [bin, ...args], { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const listeners = new Set<() => void>();
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    listeners.forEach((listener) => listener());
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const done = new Promise<CliResult & { signal: NodeJS.Signals | null }>((resolve, reject) =>
    child.on('close', (code, signal) => {
      try {
        expectNoSecrets({ stdout, stderr });
        resolve({ code, signal, stdout, stderr });
      } catch (leak) {
        reject(leak as Error);
      }
    }),
  );
  const waitFor = (pattern: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(stdout);
        if (match) {
          listeners.delete(check);
          resolve(match);
        }
      };
      listeners.add(check);
      done.then(
        () => reject(new Error(`ended before ${pattern}: ${stdout}\n${stderr}`)),
        (error: unknown) => reject(error as Error),
      );
      check();
    });
  return { child, waitFor, done };
}
