import { createEcsConnection, EcsApiError, EcsNetworkError, EcsTimeoutError, type EcsConnection } from '@ecs-resize/core';
import { DEFAULT_PROJECT_ID, DEFAULT_TOKEN, SERVERS } from '@ecs-resize/emulator';
import { createRuleEngine } from '@ecs-resize/rules';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { listenOnLoopback, type LoopbackServer } from '../../core/test/loopback-server.js';
import { loadRulesConfigFile } from '../src/config/rules-config-file.js';
import { UsageError } from '../src/errors/UsageError.js';
import { MAX_JSON_DEPTH } from '../src/input/read-json-input.js';
import { colorsFor } from '../src/output/colors.js';
import { formatTerraformCheckEnd } from '../src/output/format-terraform-check.js';
import { CHECK_CONCURRENCY, checkFlavorChanges, type PlanChecks } from '../src/terraform/check-flavor-changes.js';
import { failsEveryResize } from '../src/terraform/fails-every-resize.js';
import { findFlavorChanges, type FlavorChange } from '../src/terraform/find-flavor-changes.js';
import { parsePlan } from '../src/terraform/read-plan-file.js';
import { watchForSilentEndpoint } from '../src/terraform/silent-endpoint.js';
import { cli } from './helpers/cli.js';
import { flavorUpdate, planOf, type ResourceChangeJson } from './helpers/terraform-plan.js';

const NAME = '--terraform plan.json';

/** No colours: output as written to a file. */
const plainColors = colorsFor({ isTTY: false, write: () => undefined }, {});

/** The refusal `run` throws: a usage error, or the test fails. */
function refusalOf(run: () => unknown): UsageError {
  try {
    run();
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error('expected a UsageError');
}

/** The resizes, notes and skipped count of a plan made of `changes`. */
const changesOf = (changes: readonly ResourceChangeJson[]) => findFlavorChanges(parsePlan(planOf(changes), NAME), NAME);

/** A flavor of one MiB of letters: a hostile plan's "flavor". */
const HUGE = 's'.repeat(2 ** 20);

let dir: string;
let files = 0;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'terraform-review-2-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Writes `text` to a new file named `name` (numbered) and returns its path. */
async function fileOf(text: string, name = 'plan.json'): Promise<string> {
  const path = join(dir, `${(files += 1)}-${name}`);
  await writeFile(path, text);
  return path;
}

/** A loopback API that counts requests and answers each with `answer`, or never when it is undefined. */
async function apiAnswering(answer?: (response: ServerResponse) => void) {
  let requests = 0;
  const api = await listenOnLoopback((_request, response) => {
    requests += 1;
    answer?.(response);
  });
  return { api, requests: () => requests };
}

/** The environment of the CLI for an API at `url`. */
const envFor = (url: string) => ({ ECS_ENDPOINT: url, HW_PROJECT_ID: DEFAULT_PROJECT_ID, OS_AUTH_TOKEN: DEFAULT_TOKEN });

describe('a server named in two letter cases is one server', () => {
  const lower = SERVERS.kvmRunning.toLowerCase();
  const upper = SERVERS.kvmRunning.toUpperCase();
  it.each([
    { name: 'lower, then upper', ids: [lower, upper], refused: true },
    { name: 'upper, then lower', ids: [upper, lower], refused: true },
    { name: 'the same case twice', ids: [lower, lower], refused: true },
    { name: 'two servers', ids: [lower, SERVERS.kvmStopped], refused: false },
  ])('in process, $name: refused $refused', ({ ids, refused }) => {
    const plan = ids.map((id, index) => flavorUpdate({ name: `s${index}`, id, from: 's3.large.2', to: 's3.xlarge.2' }));
    if (!refused) {
      expect(changesOf(plan).resizes).toHaveLength(2);
      return;
    }
    expect(refusalOf(() => changesOf(plan)).message).toBe(
      `${NAME} resizes 1 server from more than one resource: ${ids[0]} ` +
        '(huaweicloud_compute_instance.s0, huaweicloud_compute_instance.s1). ' +
        'Applying it would resize each twice: one resource per server. Nothing was checked.',
    );
  });

  it('over the built CLI: exit 2, no request', async () => {
    const { api, requests } = await apiAnswering((response) => void response.writeHead(500).end());
    try {
      const plan = planOf([
        flavorUpdate({ name: 'a', id: lower, from: 's3.large.2', to: 's3.xlarge.2' }),
        flavorUpdate({ name: 'b', id: upper, from: 's3.large.2', to: 's3.2xlarge.2' }),
      ]);
      const { code, stderr } = await cli(['check', '--terraform', await fileOf(JSON.stringify(plan))], envFor(api.url));
      expect(code).toBe(2);
      expect(stderr).toContain('resizes 1 server from more than one resource');
      expect(requests()).toBe(0);
    } finally {
      await api.close();
    }
  }, 60_000);

  it('a fleet file names it in both cases: the same refusal, items numbered from 1', async () => {
    const path = await fileOf(`serverId,flavorRef\n${lower},s3.xlarge.2\n${upper},s3.xlarge.2\n`, 'fleet.csv');
    const { code, stderr } = await cli(['fleet', 'plan', path]);
    expect(code).toBe(2);
    expect(stderr).toContain(`names 1 server more than once: ${lower} (items 1, 2). A fleet resizes each server once`);
  }, 60_000);
});

describe('a flavor the plan names is at most 256 characters, else the plan is refused without it', () => {
  const id = SERVERS.kvmRunning;
  it.each([
    { name: 'the flavor before', change: flavorUpdate({ name: 'a', id, from: HUGE, to: 's3.xlarge.2' }), field: 'flavor_id' },
    { name: 'the new flavor', change: flavorUpdate({ name: 'a', id, from: 's3.large.2', to: HUGE }), field: 'new flavor_id' },
    {
      name: 'the other new flavor attribute',
      change: {
        ...flavorUpdate({ name: 'a', id, from: 's3.large.2', to: 's3.xlarge.2' }),
        change: {
          actions: ['update'],
          before: { id, flavor_id: 's3.large.2', flavor_name: 's3.large.2' },
          after: { id, flavor_id: 's3.xlarge.2', flavor_name: HUGE },
          after_unknown: {},
        },
      },
      field: 'new flavor_name',
    },
  ])('$name of 1 MiB', ({ change, field }) => {
    const { message } = refusalOf(() => changesOf([change]));
    expect(message).toBe(
      `${NAME}: resource_changes[0] (huaweicloud_compute_instance.a) changes the flavor of a server whose ${field} ` +
        'is 1,048,576 characters long; a flavor has at most 256. Nothing was checked.',
    );
  });

  it.each([
    ['the flavor before', { from: 'f'.repeat(256), to: 's3.xlarge.2' }],
    ['the new flavor', { from: 's3.large.2', to: 't'.repeat(256) }],
  ])('%s of 256 characters is accepted', (_, flavors) => {
    expect(changesOf([flavorUpdate({ name: 'a', id, ...flavors })]).resizes).toMatchObject([flavors]);
  });

  it('over the built CLI: exit 2, no request, the flavor not printed', async () => {
    const { api, requests } = await apiAnswering((response) => void response.writeHead(500).end());
    try {
      const plan = planOf([flavorUpdate({ name: 'a', id, from: 's3.large.2', to: HUGE })]);
      const { code, stdout, stderr } = await cli(['check', '--terraform', await fileOf(JSON.stringify(plan))], envFor(api.url));
      expect(code).toBe(2);
      expect(stderr).toContain('is 1,048,576 characters long');
      expect(stdout.length + stderr.length).toBeLessThan(1000);
      expect(requests()).toBe(0);
    } finally {
      await api.close();
    }
  }, 60_000);
});

describe('a change is counted once: noted servers are not also skipped', () => {
  const server = { id: SERVERS.kvmRunning, flavor_id: 's3.large.2' };
  const replaced = flavorUpdate({
    name: 'r',
    id: SERVERS.kvmRunning,
    from: 's3.large.2',
    to: 's3.xlarge.2',
    actions: ['delete', 'create'],
  });
  const unknown: ResourceChangeJson = {
    address: 'huaweicloud_compute_instance.u',
    mode: 'managed',
    type: 'huaweicloud_compute_instance',
    change: { actions: ['update'], before: server, after: { ...server, flavor_id: null }, after_unknown: { flavor_id: true } },
  };
  const tagged: ResourceChangeJson = {
    address: 'huaweicloud_compute_instance.t',
    mode: 'managed',
    type: 'huaweicloud_compute_instance',
    change: { actions: ['update'], before: { ...server, tags: {} }, after: { ...server, tags: { a: 'b' } } },
  };
  it.each([
    { name: 'a replaced server', changes: [replaced], notes: 1, skipped: 0, end: 'No flavor change to check.' },
    { name: 'a flavor known at apply', changes: [unknown], notes: 1, skipped: 0, end: 'No flavor change to check.' },
    {
      name: 'both and a tag change',
      changes: [replaced, unknown, tagged],
      notes: 2,
      skipped: 1,
      end: 'No flavor change to check; 1 resource change skipped.',
    },
    { name: 'nothing', changes: [], notes: 0, skipped: 0, end: 'No flavor change to check: the plan changes no resource.' },
  ])('$name: $notes notes, $skipped skipped', ({ changes, notes, skipped, end }) => {
    const found = changesOf(changes);
    expect([found.notes.length, found.skipped]).toEqual([notes, skipped]);
    const text = formatTerraformCheckEnd({ verdicts: [], notes: found.notes, skipped: found.skipped }, plainColors);
    expect(text.split('\n').at(-1)).toBe(end);
  });
});

describe('which failures stop the run', () => {
  const url = 'http://127.0.0.1:1/v1/p/cloudservers/s';
  const forbidden = (code?: string) => new EcsApiError({ status: 403, code, method: 'GET', url });
  it.each<{ name: string; error: unknown; stops: boolean }>([
    { name: '403 without a code', error: forbidden(), stops: true },
    { name: '403 APIG.0301 (the gateway refused the credentials)', error: forbidden('APIG.0301'), stops: true },
    { name: '403 Ecs.0004 (authentication failed)', error: forbidden('Ecs.0004'), stops: true },
    { name: '403 Ecs.0068 (an account restriction)', error: forbidden('Ecs.0068'), stops: true },
    { name: '403 Ecs.0003 (no permission: maybe this server only)', error: forbidden('Ecs.0003'), stops: false },
    { name: '403 Ecs.0110 (ask the main account: maybe this server only)', error: forbidden('Ecs.0110'), stops: false },
    { name: '403 Pdp.0001 (a policy denies: maybe this server only)', error: forbidden('Pdp.0001'), stops: false },
    { name: 'a refused connection', error: new EcsNetworkError('GET', url, false, undefined), stops: true },
    { name: 'one timeout', error: new EcsTimeoutError('GET', url, 1000), stops: false },
  ])('$name: $stops', ({ error, stops }) => {
    expect(failsEveryResize(error)).toBe(stops);
  });

  const timeout = new EcsTimeoutError('GET', url, 1000);
  const notFound = new EcsApiError({ status: 404, code: 'Ecs.0114', method: 'GET', url });
  it.each<{ name: string; ends: unknown[]; stops: boolean[] }>([
    { name: 'a batch of timeouts', ends: [timeout, timeout, timeout], stops: [false, false, true] },
    { name: 'more timeouts after the batch', ends: [timeout, timeout, timeout, timeout], stops: [false, false, true, true] },
    { name: 'an answer first', ends: [undefined, timeout, timeout, timeout], stops: [false, false, false, false] },
    { name: 'an answer amid the timeouts', ends: [timeout, undefined, timeout, timeout], stops: [false, false, false, false] },
    { name: 'an error answer amid them', ends: [timeout, notFound, timeout, timeout], stops: [false, false, false, false] },
  ])('watchForSilentEndpoint (batch of 3), $name', ({ ends, stops }) => {
    const watch = watchForSilentEndpoint(3);
    expect(ends.map((error) => (error === undefined ? watch.ended() : watch.ended(error)))).toEqual(stops);
  });
});

describe('an endpoint that accepts and never answers stops the run after the first batch', () => {
  /** The per-attempt timeout; time is faked, so no test waits for it. */
  const TIMEOUT = 1000;
  let api: LoopbackServer | undefined;
  afterEach(async () => {
    vi.useRealTimers();
    await api?.close();
    api = undefined;
  });

  /** `count` resizes, of servers `…000` to `…<count-1>`. */
  const resizesOf = (count: number): FlavorChange[] =>
    Array.from({ length: count }, (_, index) => ({
      address: `huaweicloud_compute_instance.s${index}`,
      type: 'huaweicloud_compute_instance',
      serverId: `6f1b3c2a-0d4e-4b7a-9c11-${String(index).padStart(12, '0')}`,
      from: 's3.large.2',
      to: 's3.xlarge.2',
      request: {},
    }));

  /**
   * Checks `changes` against `ecs` with faked timers, advancing them a timeout at a time until
   * the run ends (at most 20 times); when `answerFirst`, only after the first verdict came.
   */
  async function checkWithFakeTimers(ecs: EcsConnection, changes: FlavorChange[], answerFirst = false) {
    let settled = false;
    const printed: string[] = [];
    let firstVerdict: () => void = () => undefined;
    const firstVerdictCame = new Promise<void>((resolve) => (firstVerdict = resolve));
    const run = checkFlavorChanges(ecs, createRuleEngine(), changes, {
      confirmations: {},
      signal: new AbortController().signal,
      onVerdict: ({ change }) => {
        printed.push(change.address);
        firstVerdict();
      },
    }).finally(() => {
      settled = true;
    });
    if (answerFirst) await firstVerdictCame;
    for (let turn = 0; turn < 20 && !settled; turn += 1) await vi.advanceTimersByTimeAsync(TIMEOUT);
    expect(settled).toBe(true);
    return { checks: await run, printed };
  }

  const connectionTo = (url: string) =>
    createEcsConnection({
      endpoint: url,
      projectId: DEFAULT_PROJECT_ID,
      auth: { token: DEFAULT_TOKEN },
      timeout: TIMEOUT,
      retry: 0,
    });

  it.each([
    { count: 100, checkedAtMost: 2 * CHECK_CONCURRENCY - 1 },
    { count: 2 * CHECK_CONCURRENCY + 1, checkedAtMost: 2 * CHECK_CONCURRENCY - 1 },
  ])(
    '$count resizes: stopped, at most $checkedAtMost checked, each an error verdict',
    async ({ count, checkedAtMost }) => {
      const silent = await apiAnswering();
      api = silent.api;
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const { checks, printed } = await checkWithFakeTimers(connectionTo(silent.api.url), resizesOf(count));
      const { verdicts, stopped }: PlanChecks = checks;
      expect(stopped?.reason).toMatchObject({ name: 'EcsTimeoutError', exitCode: 3 });
      expect(verdicts.length).toBeGreaterThanOrEqual(CHECK_CONCURRENCY);
      expect(verdicts.length).toBeLessThanOrEqual(checkedAtMost);
      expect(stopped?.unchecked).toBe(count - verdicts.length);
      expect(verdicts.every(({ verdict }) => verdict === 'error')).toBe(true);
      expect(printed).toHaveLength(verdicts.length);
      expect(silent.requests()).toBe(verdicts.length);
    },
    60_000,
  );

  it.each([
    { name: 'one server answers first, the others never', count: 3 * CHECK_CONCURRENCY },
    { name: 'a plan no larger than the batch, none answering', count: CHECK_CONCURRENCY },
  ])(
    '$name: not stopped, every resize has its verdict',
    async ({ count }) => {
      const first = resizesOf(1)[0]?.serverId ?? '';
      const answerFirst = count > CHECK_CONCURRENCY;
      api = await listenOnLoopback((request, response) => {
        if (answerFirst && request.url?.includes(first))
          response
            .writeHead(404, { 'content-type': 'application/json' })
            .end(JSON.stringify({ error: { code: 'Ecs.0114', message: 'The ECS server does not exist.' } }));
      });
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const { checks } = await checkWithFakeTimers(connectionTo(api.url), resizesOf(count), answerFirst);
      expect(checks.stopped).toBeUndefined();
      expect(checks.verdicts).toHaveLength(count);
      expect(checks.verdicts.map(({ verdict }) => verdict)).toEqual(Array<string>(count).fill('error'));
    },
    60_000,
  );
});

describe('a JSON rules config is read as JSON documents are', () => {
  it.each([
    { name: 'an empty file', text: '', says: 'the config file is empty.' },
    { name: 'blanks only', text: ' \n\t', says: 'the config file is empty.' },
    { name: 'not JSON', text: '{ rules: ', says: 'the config file is not JSON (' },
    {
      name: `nested deeper than ${MAX_JSON_DEPTH}`,
      text: `{"rules":${'['.repeat(MAX_JSON_DEPTH + 1)}${']'.repeat(MAX_JSON_DEPTH + 1)}}`,
      says: `the config file nests deeper than ${MAX_JSON_DEPTH} levels`,
    },
  ])('$name is refused', async ({ text, says }) => {
    const path = await fileOf(text, 'ecs-resize.config.json');
    await expect(loadRulesConfigFile(path, dir)).rejects.toThrow(new RegExp(`: ${says.replace(/[.()]/g, '\\$&')}`));
    await expect(loadRulesConfigFile(path, dir)).rejects.toBeInstanceOf(UsageError);
  });

  it('a config nested just within the cap is read', async () => {
    const path = await fileOf('{"rules":{"server-stopped":["warn",{}]}}', 'ecs-resize.config.json');
    expect((await loadRulesConfigFile(path, dir)).rules).toEqual({ 'server-stopped': ['warn', {}] });
  });
});
