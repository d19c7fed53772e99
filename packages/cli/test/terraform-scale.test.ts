import { EcsApiError, EcsNetworkError, EcsTimeoutError } from '@ecs-resize/core';
import { DEFAULT_PROJECT_ID, DEFAULT_TOKEN, SERVERS, startEmulator } from '@ecs-resize/emulator';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPort, listenOnLoopback } from '../../core/test/loopback-server.js';
import { CHECK_CONCURRENCY } from '../src/terraform/check-flavor-changes.js';
import { failsEveryResize } from '../src/terraform/fails-every-resize.js';
import { spawnCli, tokenEnv, type CliProcess } from './helpers/cli.js';
import { flavorUpdate, planOf, type FlavorUpdate } from './helpers/terraform-plan.js';

/** The preload that counts the TCP connections a child process tries to open. */
const COUNT_CONNECTIONS = fileURLToPath(new URL('./helpers/count-connections.mjs', import.meta.url));

/** The client's attempts at one request: the first, and its 2 retries (core's default `retryLimit`). */
const ATTEMPTS_PER_REQUEST = 3;

/** The id of the `index`th server of {@link planOfMany}. */
const serverIdOf = (index: number) => `6f1b3c2a-0d4e-4b7a-9c11-${String(index).padStart(12, '0')}`;

/** The index of the server a request of the check reads, from its id in the path. */
const serverIndexOf = (request: IncomingMessage) =>
  Number(/cloudservers\/[\w-]*?(\d{12})(?:$|[/?])/.exec(request.url ?? '')?.[1]);

/** A plan resizing `count` servers, `s0` to `s<count-1>`, in that order. */
const planOfMany = (count: number) =>
  planOf(
    Array.from({ length: count }, (_, index) =>
      flavorUpdate({ name: `s${index}`, id: serverIdOf(index), from: 's3.large.2', to: 's3.xlarge.2' }),
    ),
  );

/** Answers with `status` and a JSON `body`. */
const reply = (response: ServerResponse, status: number, body: unknown) =>
  void response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

/** The API's answer for a server that does not exist: one server's failure. */
const serverNotFound = (response: ServerResponse) =>
  reply(response, 404, { error: { code: 'Ecs.0114', message: 'The ECS server does not exist.' } });

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ecs-resize-scale-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true });
});

let files = 0;
/** Writes a plan resizing `count` servers and returns its path. */
async function planFileOf(count: number): Promise<string> {
  const path = join(dir, `plan-${(files += 1)}.json`);
  await writeFile(path, JSON.stringify(planOfMany(count)));
  return path;
}

/** The environment for an API at `url`, with a token; `more` added. */
const envFor = (url: string, more: Record<string, string> = {}) => ({
  ECS_ENDPOINT: url,
  HW_PROJECT_ID: DEFAULT_PROJECT_ID,
  OS_AUTH_TOKEN: DEFAULT_TOKEN,
  ...more,
});

/** The addresses of the verdict lines of a text output, in the order printed. */
const printedAddresses = (stdout: string) =>
  [...stdout.matchAll(/^(?:! error|✔ ok|✖ blocked)\s+(\S+)/gm)].map((match) => match[1]);

/** The addresses of `s<from>` to `s<to - 1>`. */
const addressesOf = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, offset) => `huaweicloud_compute_instance.s${from + offset}`);

describe('check --terraform of 10,000 servers that all 404 keeps only what it prints', () => {
  it.each([
    { output: 'text', flags: [] },
    { output: '--json', flags: ['--json'] },
  ])(
    '$output: ends under a 96 MB heap, every server checked once, in plan order',
    async ({ flags }) => {
      const count = 10_000;
      let requests = 0;
      const api = await listenOnLoopback((_request, response) => {
        requests += 1;
        serverNotFound(response);
      });
      try {
        const env = envFor(api.url, { NODE_OPTIONS: '--max-old-space-size=96' });
        const { code, stdout, stderr } = await spawnCli(['check', '--terraform', await planFileOf(count), ...flags], env).done;
        // A heap that overflows ends the process with a fatal error (code 134), not 3.
        expect({ code, stderr, requests }).toEqual({ code: 3, stderr: '', requests: count });
        if (flags.length === 0) {
          expect(printedAddresses(stdout)).toEqual(addressesOf(0, count));
          expect(stdout).toContain('  could not check: ECS API error Ecs.0114 (HTTP 404): The ECS server does not exist.');
          expect(stdout.trimEnd().split('\n').at(-1)).toBe(
            '10000 resizes checked: 0 ok, 0 blocked, 10000 errors; 0 other resource changes skipped.',
          );
        } else {
          const document = JSON.parse(stdout) as {
            ok: boolean;
            resources: { address: string; error: { code: string; exitCode: number } }[];
            summary: unknown;
          };
          expect(document.resources.map(({ address }) => address)).toEqual(addressesOf(0, count));
          expect(document.resources[count - 1]?.error).toMatchObject({ code: 'Ecs.0114', exitCode: 3 });
          expect([document.ok, document.summary]).toEqual([false, { checked: count, ok: 0, blocked: 0, errors: count }]);
          expect(document).not.toHaveProperty('stopped');
        }
      } finally {
        await api.close();
      }
    },
    180_000,
  );
});

describe('check --terraform stops at a failure every server would meet', () => {
  /** What every request is answered with, and what the one line says of it. */
  it.each<{ name: string; answer: (response: ServerResponse) => void; says: string }>([
    {
      name: '401: credentials refused',
      answer: (response) =>
        reply(response, 401, { error_code: 'APIG.0301', error_msg: 'Incorrect IAM authentication information' }),
      says: 'APIG.0301 (HTTP 401)',
    },
    {
      name: '403: no permission',
      answer: (response) => reply(response, 403, { error: { code: 'Ecs.0004', message: 'Forbidden' } }),
      says: 'Ecs.0004 (HTTP 403)',
    },
    {
      name: '404 without a code: not the ECS API',
      answer: (response) => void response.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not Found</h1>'),
      says: 'Is the endpoint right?',
    },
    {
      name: 'APIG.0101: the gateway knows no such API',
      answer: (response) => reply(response, 404, { error_code: 'APIG.0101', error_msg: 'The API does not exist' }),
      says: 'Is the endpoint right?',
    },
  ])(
    '$name: no check starts after the first batch, one line, exit 3',
    async ({ answer, says }) => {
      let requests = 0;
      const api = await listenOnLoopback((_request, response) => {
        requests += 1;
        answer(response);
      });
      try {
        for (const flags of [[], ['--json']]) {
          requests = 0;
          const run = spawnCli(['check', '--terraform', await planFileOf(200), ...flags], envFor(api.url));
          const { code, stdout, stderr } = await run.done;
          expect(code).toBe(3);
          expect(requests).toBeGreaterThan(0);
          expect(requests).toBeLessThanOrEqual(CHECK_CONCURRENCY);
          expect(stderr).toContain(says);
          expect(stderr).toMatch(/^error: .* Stopped: every resize would fail the same way; 200 of 200 resizes not checked\.\n$/);
          if (flags.length === 0) expect(stdout).toBe('');
          else
            expect(JSON.parse(stdout)).toMatchObject({
              ok: false,
              resources: [],
              summary: { checked: 0, ok: 0, blocked: 0, errors: 0 },
              stopped: { unchecked: 200, reason: { exitCode: 3 } },
            });
        }
      } finally {
        await api.close();
      }
    },
    60_000,
  );

  it('an endpoint nothing listens on: at most the first batch of connections (with their retries), one line', async () => {
    const connections = join(dir, 'connections');
    const env = envFor(`http://127.0.0.1:${await closedPort()}`, {
      NODE_OPTIONS: `--import=${COUNT_CONNECTIONS}`,
      ECS_TEST_CONNECTIONS_FILE: connections,
    });
    const { code, stdout, stderr } = await spawnCli(['check', '--terraform', await planFileOf(200)], env).done;
    const attempts = Number(await readFile(connections, 'utf8'));
    expect([code, stdout]).toEqual([3, '']);
    expect(stderr).toMatch(
      /^error: Network error, no response: GET http:\/\/127\.0\.0\.1:\d+\/\S+\. It never reached the server: .* Stopped: every resize would fail the same way; 200 of 200 resizes not checked\.\n$/,
    );
    expect(attempts).toBeGreaterThan(0);
    expect(attempts).toBeLessThanOrEqual(CHECK_CONCURRENCY * ATTEMPTS_PER_REQUEST);
  }, 60_000);
});

describe('check --terraform: one server that does not exist is its own failure', () => {
  it('Ecs.0114 on 1 of 5 servers: the other 4 are checked, exit 3', async () => {
    const emulator = await startEmulator();
    try {
      const updates: Omit<FlavorUpdate, 'to' | 'from'>[] = [
        { name: 'a', id: SERVERS.kvmStopped },
        { name: 'b', id: SERVERS.kvmRunning },
        { name: 'gone', id: serverIdOf(999) },
        { name: 'c', id: SERVERS.frozen },
        { name: 'd', id: SERVERS.locked },
      ];
      const path = join(dir, 'five.json');
      await writeFile(
        path,
        JSON.stringify(planOf(updates.map((update) => flavorUpdate({ ...update, from: 's3.large.2', to: 's3.xlarge.2' })))),
      );
      const { code, stdout, stderr } = await spawnCli(['check', '--terraform', path], tokenEnv(emulator)).done;
      expect([code, stderr]).toEqual([3, '']);
      expect(stdout.match(/^\S+ +\S+ +huaweicloud_compute_instance\.\w+/gm)).toEqual([
        '✔ ok      huaweicloud_compute_instance.a',
        '✔ ok      huaweicloud_compute_instance.b',
        '! error   huaweicloud_compute_instance.gone',
        '✖ blocked huaweicloud_compute_instance.c',
        '✖ blocked huaweicloud_compute_instance.d',
      ]);
      expect(stdout).toContain('Ecs.0114');
      expect(stdout.trimEnd().split('\n').at(-1)).toBe(
        '5 resizes checked: 2 ok, 2 blocked, 1 error; 0 other resource changes skipped.',
      );
    } finally {
      await emulator.close();
    }
  }, 60_000);
});

describe('check --terraform prints each verdict as soon as those before it are known', () => {
  /** Serves 404 for every server but `held`, whose answer waits for `release()`. */
  async function apiHolding(held: number) {
    const answered = new Set<number>();
    let release: () => void = () => undefined;
    let onAnswer: () => void = () => undefined;
    const api = await listenOnLoopback((request, response) => {
      const index = serverIndexOf(request);
      if (index !== held) {
        serverNotFound(response);
        answered.add(index);
        onAnswer();
      } else release = () => serverNotFound(response);
    });
    /** Resolves once `count` other servers have been answered. */
    const othersAnswered = (count: number) =>
      new Promise<void>((resolve) => {
        onAnswer = () => answered.size >= count && resolve();
        onAnswer();
      });
    return { api, othersAnswered, release: () => release() };
  }

  /** Runs a text check of `count` servers against `url`. */
  const run = async (count: number, url: string): Promise<CliProcess> =>
    spawnCli(['check', '--terraform', await planFileOf(count)], envFor(url));

  it('the last server held: every verdict before it is printed while the run goes on', async () => {
    const { api, release } = await apiHolding(19);
    try {
      const check = await run(20, api.url);
      await check.waitFor(/huaweicloud_compute_instance\.s18 /);
      expect(check.child.exitCode).toBeNull();
      release();
      const { code, stdout } = await check.done;
      expect(code).toBe(3);
      expect(printedAddresses(stdout)).toEqual(addressesOf(0, 20));
    } finally {
      await api.close();
    }
  }, 60_000);

  it('the first server held until all others are answered: still printed first', async () => {
    const { api, othersAnswered, release } = await apiHolding(0);
    try {
      const check = await run(20, api.url);
      await othersAnswered(19);
      release();
      const { code, stdout } = await check.done;
      expect(code).toBe(3);
      expect(printedAddresses(stdout)).toEqual(addressesOf(0, 20));
    } finally {
      await api.close();
    }
  }, 60_000);
});

describe('failsEveryResize: which failures stop the run', () => {
  const url = 'http://127.0.0.1:1/v1/p/cloudservers/s';
  const apiError = (status: number, code?: string) => new EcsApiError({ status, code, method: 'GET', url });
  it.each<{ name: string; error: unknown; stops: boolean }>([
    { name: 'connection refused (never sent)', error: new EcsNetworkError('GET', url, false, undefined), stops: true },
    { name: 'connection reset (may have reached)', error: new EcsNetworkError('GET', url, true, undefined), stops: false },
    { name: 'a timeout', error: new EcsTimeoutError('GET', url, 30_000), stops: false },
    { name: '401', error: apiError(401, 'APIG.0301'), stops: true },
    { name: '403', error: apiError(403), stops: true },
    { name: '404 without a code', error: apiError(404), stops: true },
    { name: '404 APIG.0101', error: apiError(404, 'APIG.0101'), stops: true },
    { name: '404 Ecs.0114 (one server)', error: apiError(404, 'Ecs.0114'), stops: false },
    { name: '400 Ecs.0029 (one flavor)', error: apiError(400, 'Ecs.0029'), stops: false },
    { name: '429 throttled', error: apiError(429, 'APIG.0308'), stops: false },
    { name: '500', error: apiError(500), stops: false },
    { name: 'an error not from core', error: new Error('boom'), stops: false },
  ])('$name: $stops', ({ error, stops }) => {
    expect(failsEveryResize(error)).toBe(stops);
  });
});
