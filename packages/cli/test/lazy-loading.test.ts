/**
 * What `ecs-resize` loads at start-up: the commands that send nothing (help, completion, the
 * version, usage errors, missing credentials) never load the HTTP client, ky, nor Node's fetch
 * (undici) that ky's first touch of the global `Request` loads, nor node:crypto (signing, the
 * emulator's keys); a command that calls the API does. The built binary runs with a preload
 * that records the three (helpers/record-lazy-loading.mjs). Node 24 loads undici and
 * node:crypto while it starts, before any code of ours: what an empty script loads with the
 * same preload is the baseline, and the CLI must load nothing more.
 */
import { execFile } from 'node:child_process';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmulator, type Emulator } from '@ecs-resize/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, tokenEnv } from './helpers/cli.js';

/** The preload that records whether the global `Request` was touched, undici and node:crypto loaded. */
const RECORD_LAZY_LOADING = fileURLToPath(new URL('./helpers/record-lazy-loading.mjs', import.meta.url));

/** What the preload records. */
interface Loaded {
  requestTouched: boolean;
  undiciLoaded: boolean;
  cryptoLoaded: boolean;
}

let emulator: Emulator;
let dir = '';
/** What this Node loads for an empty script, with the preload. */
let baseline: Loaded;
beforeAll(async () => {
  emulator = await startEmulator();
  dir = await mkdtemp(join(tmpdir(), 'ecs-resize-lazy-http-'));
  const file = join(dir, 'empty-script.json');
  await new Promise<void>((resolve, reject) =>
    execFile(
      process.execPath,
      [`--import=${RECORD_LAZY_LOADING}`, '-e', ''],
      { env: { ECS_TEST_LOADING_FILE: file } },
      (error) => (error ? reject(error) : resolve()),
    ),
  );
  baseline = JSON.parse(await readFile(file, 'utf8')) as Loaded;
});
afterAll(async () => {
  await emulator?.close();
  await rm(dir, { recursive: true, force: true });
});

/** Runs the built CLI with the preload; resolves to its exit code and what it loaded. */
async function runRecorded(args: readonly string[], env: Record<string, string>) {
  const file = join(dir, `${args.join('_').replace(/\W/g, '-')}.json`);
  const { code } = await cli(args, { ...env, NODE_OPTIONS: `--import=${RECORD_LAZY_LOADING}`, ECS_TEST_LOADING_FILE: file });
  const loaded = JSON.parse(await readFile(file, 'utf8')) as Loaded;
  return { code, ...loaded };
}

describe('the HTTP client is loaded only by a command that calls the API', () => {
  it.each([
    { args: ['--help'], code: 0 },
    { args: ['help', 'check'], code: 0 },
    { args: ['resize', '--help'], code: 0 },
    { args: ['fleet', 'plan', '--help'], code: 0 },
    { args: ['completion', 'bash'], code: 0 },
    { args: ['--version'], code: 0 },
    { args: [], code: 2 },
    { args: ['frobnicate'], code: 2 },
    { args: ['resize', 'only-a-server'], code: 2 },
    { args: ['servers'], code: 2 }, // no endpoint nor credentials: refused before the client is made
  ])('$args: exit $code, none of ky, undici and node:crypto loaded', async ({ args, code }) => {
    expect(baseline.requestTouched).toBe(false);
    expect(await runRecorded(args, {})).toEqual({ code, ...baseline });
  });

  it('servers against the emulator on 127.0.0.1: all three loaded, exit 0', async () => {
    expect(await runRecorded(['servers'], tokenEnv(emulator))).toEqual({
      code: 0,
      requestTouched: true,
      undiciLoaded: true,
      cryptoLoaded: true,
    });
  });
});
