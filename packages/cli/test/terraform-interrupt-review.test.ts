import { DEFAULT_PROJECT_ID, DEFAULT_TOKEN } from '@ecs-resize/emulator';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenOnLoopback, type LoopbackServer } from '../../core/test/loopback-server.js';
import { spawnCli } from './helpers/cli.js';
import { flavorUpdate, planOf } from './helpers/terraform-plan.js';

/** A plan resizing `count` servers (more than are checked at once). */
const planOfMany = (count: number) =>
  planOf(
    Array.from({ length: count }, (_, index) =>
      flavorUpdate({
        name: `s${index}`,
        id: `6f1b3c2a-0d4e-4b7a-9c11-${String(index).padStart(12, '0')}`,
        from: 's3.large.2',
        to: 's3.xlarge.2',
      }),
    ),
  );

describe('check --terraform of many servers stopped with Ctrl-C while the API is being read', () => {
  let dir: string;
  let api: LoopbackServer;
  /** Called on each request the API gets. */
  let reached: () => void = () => undefined;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ecs-resize-interrupt-'));
    // An API that never answers: every check is under way when the signal comes.
    api = await listenOnLoopback(() => reached());
  });
  afterAll(async () => {
    await api.close();
    await rm(dir, { recursive: true });
  });

  /** Runs a check of 50 servers, and sends SIGINT once the API has been asked. */
  async function interrupted(flags: readonly string[]) {
    const path = join(dir, 'plan.json');
    await writeFile(path, JSON.stringify(planOfMany(50)));
    const env = { ECS_ENDPOINT: api.url, HW_PROJECT_ID: DEFAULT_PROJECT_ID, OS_AUTH_TOKEN: DEFAULT_TOKEN };
    const checking = new Promise<void>((resolve) => (reached = resolve));
    const run = spawnCli(['check', '--terraform', path, ...flags], env);
    await checking;
    run.child.kill('SIGINT');
    return run.done;
  }

  it('text: exit 130, one line on stderr, nothing on stdout', async () => {
    const { code, stdout, stderr } = await interrupted([]);
    expect({ code, stdout, stderr }).toEqual({ code: 130, stdout: '', stderr: 'Interrupted by SIGINT.\n' });
  });

  it('--json: exit 130, and stdout is one whole JSON document saying so, with no verdict', async () => {
    const { code, stdout, stderr } = await interrupted(['--json']);
    expect([code, stderr]).toEqual([130, 'Interrupted by SIGINT.\n']);
    expect(JSON.parse(stdout)).toEqual({
      error: { name: 'InterruptedError', message: 'Interrupted by SIGINT.', exitCode: 130 },
    });
  });
});
