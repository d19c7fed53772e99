/**
 * A fleet passes core's signing proxy (`@ecs-resize/core/proxy`, the allow-list of the route
 * table): planFleet's shared look-ups (server pages, resize_flavors per source flavor, EVS
 * batches) and applyFleet's checks, resizes and job polls are each let through, none refused.
 * Real HTTP: a connection without credentials → the proxy on 127.0.0.1 → the emulator.
 */
import { createEcsConnection } from '@ecs-resize/core';
import { createProxyHandler, toNodeListener } from '@ecs-resize/core/proxy';
import { DEFAULT_CREDENTIALS, DEFAULT_PROJECT_ID, SERVERS } from '@ecs-resize/emulator';
import { createRuleEngine } from '@ecs-resize/rules';
import { afterEach, describe, expect, it } from 'vitest';
import { applyFleet, planFleet, type FleetItem } from '../src/index.js';
import { FAST_JOB_MS, FAST_WAIT, useEmulator } from '../../core/test/helpers.js';
import { listenOnLoopback, type LoopbackServer } from '../../core/test/loopback-server.js';

const BASE_PATH = '/ecs-proxy';
const engine = createRuleEngine();
const emulator = useEmulator({ jobDurationMs: FAST_JOB_MS }, { fresh: true });

/** What the proxy answered each request: its status, and its own refusal code (`PROXY.*`) if any. */
interface Answered {
  readonly request: string;
  readonly status: number;
  readonly refusal: string | undefined;
}

let proxy: LoopbackServer | undefined;
afterEach(() => proxy?.close());

/** Starts the signing proxy in front of the emulator; returns a connection to it and what it answered. */
async function throughProxy() {
  const answered: Answered[] = [];
  const handler = createProxyHandler({
    endpoint: emulator().url,
    evsEndpoint: emulator().url,
    projectId: DEFAULT_PROJECT_ID,
    auth: DEFAULT_CREDENTIALS,
    basePath: BASE_PATH,
  });
  proxy = await listenOnLoopback(
    toNodeListener(async (request) => {
      const response = await handler(request);
      const body: unknown = await response
        .clone()
        .json()
        .catch(() => undefined);
      const code = (body as { error_code?: unknown } | undefined)?.error_code;
      answered.push({
        request: `${request.method} ${new URL(request.url).pathname}`,
        status: response.status,
        refusal: typeof code === 'string' && code.startsWith('PROXY.') ? code : undefined,
      });
      return response;
    }),
  );
  const ecs = createEcsConnection({ endpoint: `${proxy.url}${BASE_PATH}`, projectId: DEFAULT_PROJECT_ID, retry: 0 });
  return { ecs, answered };
}

/** Fleets whose look-ups take different routes. */
const FLEETS: [string, FleetItem[]][] = [
  ['one server (getServer)', [{ serverId: SERVERS.kvmStopped, flavorRef: 's3.xlarge.2' }]],
  [
    'several servers (server pages, resize_flavors per source flavor, EVS batches)',
    [
      { serverId: SERVERS.kvmStopped, flavorRef: 's3.xlarge.2' },
      { serverId: SERVERS.kvmRunning, flavorRef: 's3.xlarge.2', mode: 'withStopServer' },
      { serverId: SERVERS.kvmScsi, flavorRef: 'c6.xlarge.2' },
    ],
  ],
];

describe('a fleet passes the signing proxy: nothing it sends is refused', () => {
  it.each(FLEETS)('%s: planFleet, then applyFleet', async (_, items) => {
    const { ecs, answered } = await throughProxy();
    const plan = await planFleet(ecs, engine, items);
    expect(plan.summary).toMatchObject({ total: items.length, ready: items.length, errors: 0 });
    const result = await applyFleet(ecs, engine, plan, { record: () => undefined, waitOptions: FAST_WAIT });
    expect(result.summary).toMatchObject({ succeeded: items.length, errors: 0, uncertain: 0 });
    expect(answered.some(({ request }) => request.endsWith('/resize'))).toBe(true);
    expect(answered.filter(({ refusal, status }) => refusal !== undefined || status >= 400)).toEqual([]);
  });
});
