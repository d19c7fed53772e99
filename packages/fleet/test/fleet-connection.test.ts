/**
 * planFleet and applyFleet take a connection (`createEcsConnection`, token or AK/SK), not only
 * a client, and refuse anything else before a request. Real HTTP against the emulator.
 */
import { createEcsConnection, EcsInputError, type EcsConnection } from '@ecs-resize/core';
import { DEFAULT_CREDENTIALS, DEFAULT_PROJECT_ID, DEFAULT_TOKEN, SERVERS } from '@ecs-resize/emulator';
import { createRuleEngine } from '@ecs-resize/rules';
import { describe, expect, it } from 'vitest';
import { applyFleet, planFleet, type FleetJournalEntry, type FleetPlan } from '../src/index.js';
import { FAST_JOB_MS, FAST_WAIT, rejectionOf, useEmulator } from '../../core/test/helpers.js';

const engine = createRuleEngine();
const emulator = useEmulator({ jobDurationMs: FAST_JOB_MS }, { fresh: true });
const READY = { serverId: SERVERS.kvmStopped, flavorRef: 's3.xlarge.2' };

describe.each([
  ['a token', () => ({ token: DEFAULT_TOKEN })],
  ['AK/SK', () => DEFAULT_CREDENTIALS],
])('a connection with %s plans and applies a fleet', (_, auth) => {
  it('plans the item ready, sends its resize once and follows its job', async () => {
    const ecs = createEcsConnection({ endpoint: emulator().url, projectId: DEFAULT_PROJECT_ID, auth: auth() });
    const plan = await planFleet(ecs, engine, [READY]);
    expect(plan.summary).toMatchObject({ total: 1, ready: 1 });
    const journal: FleetJournalEntry[] = [];
    const result = await applyFleet(ecs, engine, plan, { record: (entry) => void journal.push(entry), waitOptions: FAST_WAIT });
    expect(result.summary).toMatchObject({ succeeded: 1, errors: 0, uncertain: 0 });
    expect(journal.map(({ state }) => state)).toEqual(['sending', 'submitted', 'succeeded']);
    expect(emulator().state.resizeJobs).toHaveLength(1);
  });
});

/** Values that are no connection: each refused as `ecs`, before any request. */
const NOT_CONNECTIONS: [string, unknown][] = [
  ['undefined', undefined],
  ['null', null],
  ['an empty object', {}],
  ['a string (an endpoint)', 'https://ecs.example'],
  ['connection options instead of a connection', { endpoint: 'https://ecs.example', projectId: 'p' }],
  ['a transport without send', { endpoint: 'https://ecs.example', projectId: 'p', transport: {} }],
];

describe('anything but a connection is refused before a request', () => {
  const plan: FleetPlan = {
    items: [{ item: READY, status: 'ready' }],
    summary: { total: 1, ready: 1, blocked: 0, errors: 0, blockedByRule: {} },
  };

  it.each(NOT_CONNECTIONS)('planFleet: %s', async (_, ecs) => {
    const requests = emulator().state.countRequests();
    const error = await rejectionOf(planFleet(ecs as EcsConnection, engine, [READY]));
    expect(error).toBeInstanceOf(EcsInputError);
    expect((error as EcsInputError).issues.map(({ path }) => path)).toEqual(['ecs']);
    expect(emulator().state.countRequests()).toBe(requests);
  });

  it.each(NOT_CONNECTIONS)('applyFleet: %s', async (_, ecs) => {
    const requests = emulator().state.countRequests();
    const record = () => expect.unreachable('nothing may be recorded');
    const error = await rejectionOf(applyFleet(ecs as EcsConnection, engine, plan, { record }));
    expect(error).toBeInstanceOf(EcsInputError);
    expect((error as EcsInputError).issues.map(({ path }) => path)).toEqual(['ecs']);
    expect(emulator().state.countRequests()).toBe(requests);
  });
});
