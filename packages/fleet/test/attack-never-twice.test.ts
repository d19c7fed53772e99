/**
 * A resize is never sent twice (issue 9, class 1), through `planFleet` and `applyFleet`:
 * hostile job ids in the resize answer (core's attack-never-twice.test.ts has them for
 * `resize`), fleets naming a server twice, and journals of earlier runs in every shape. Real
 * HTTP on 127.0.0.1: the emulator, and for hostile answers a small node:http proxy in front of
 * it that lets the resize through (so it really happens) and rewrites its answer. Each case
 * counts the resizes the emulator accepted.
 */
import { SERVERS, startEmulator, type Emulator } from '@ecs-resize/emulator';
import { createRuleEngine } from '@ecs-resize/rules';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EcsInputError } from '@ecs-resize/core';
import { applyFleet, planFleet, readFleetJournal, type FleetItem, type FleetJournalEntry, type FleetPlan } from '../src/index.js';
import { FAST_WAIT, clientOf, rejectionOf } from '../../core/test/helpers.js';
import { startRewritingProxy, type RewritingProxy } from '../../core/test/rewriting-proxy.js';

const engine = createRuleEngine();
const AT = '2026-01-01T00:00:00.000Z';
/** A server and flavor the rules let through on the default data. */
const READY: FleetItem = { serverId: SERVERS.kvmStopped, flavorRef: 's3.xlarge.2' };
const OTHER: FleetItem = { serverId: SERVERS.kvmScsi, flavorRef: 'c6.xlarge.2' };

let emulator: Emulator;
beforeEach(async () => {
  emulator = await startEmulator({ jobDurationMs: 40 });
});
afterEach(() => emulator.close());

/** An entry of an earlier run's journal. */
const entry = (state: FleetJournalEntry['state'], extra: Partial<FleetJournalEntry> = {}): FleetJournalEntry => ({
  ...READY,
  state,
  at: AT,
  ...extra,
});

/** A journal in memory. */
function memoryJournal() {
  const entries: FleetJournalEntry[] = [];
  return { entries, record: (recorded: FleetJournalEntry) => void entries.push(recorded) };
}

describe('a resize answer with a hostile job id', () => {
  let proxy: RewritingProxy | undefined;
  afterEach(async () => {
    await proxy?.close();
    proxy = undefined;
  });

  it.each([['../x'], ['a b'], ['\u001b[2J']])(
    'applyFleet keeps the item uncertain (job_id %j), and a re-run does not send it again',
    async (jobId) => {
      proxy = await startRewritingProxy(emulator.url, { job_id: jobId });
      const client = clientOf(emulator, { endpoint: proxy.url });
      const plan = await planFleet(client, engine, [READY]);
      const journal = memoryJournal();
      const first = await applyFleet(client, engine, plan, { record: journal.record, waitOptions: FAST_WAIT });
      expect(first.summary).toMatchObject({ uncertain: 1, succeeded: 0, errors: 0 });
      expect(journal.entries.map(({ state }) => state)).toEqual(['sending', 'sending']);
      expect(JSON.stringify(journal.entries)).not.toContain(jobId);
      const again = await applyFleet(client, engine, plan, { record: journal.record, previous: journal.entries });
      expect(again.summary.uncertain).toBe(1);
      expect(proxy.posts()).toBe(1);
      expect(emulator.state.resizeJobs).toHaveLength(1);
    },
  );
});

/** Fleets that name a server more than once, and the ids each refusal must name. */
const DUPLICATE_FLEETS: [string, FleetItem[], string[]][] = [
  ['the same server and flavor twice', [READY, READY], [READY.serverId]],
  ['the same server to two flavors', [READY, { ...READY, flavorRef: 's3.2xlarge.2' }], [READY.serverId]],
  ['the same server, once in capitals', [READY, { ...READY, serverId: READY.serverId.toUpperCase() }], [READY.serverId]],
  ['the same server three times, apart', [READY, OTHER, READY, READY], [READY.serverId]],
  ['two servers twice each', [READY, OTHER, OTHER, READY], [READY.serverId, OTHER.serverId]],
  ['a duplicate after a bad item', [{ serverId: '../x', flavorRef: 'a' }, OTHER, OTHER], [OTHER.serverId]],
];

describe('a fleet naming a server more than once is refused before anything is sent', () => {
  it.each(DUPLICATE_FLEETS)('planFleet: %s', async (_, items, named) => {
    const error = await rejectionOf(planFleet(clientOf(emulator), engine, items));
    expect(error).toBeInstanceOf(EcsInputError);
    for (const serverId of named) expect((error as EcsInputError).message).toContain(serverId);
    expect(emulator.state.countRequests()).toBe(0);
  });

  it.each(DUPLICATE_FLEETS)('applyFleet, with every item ready: %s', async (_, items) => {
    const plan: FleetPlan = {
      items: items.map((item) => ({ item, status: 'ready' })),
      summary: { total: items.length, ready: items.length, blocked: 0, errors: 0, blockedByRule: {} },
    };
    const journal = memoryJournal();
    const error = await rejectionOf(applyFleet(clientOf(emulator), engine, plan, { record: journal.record }));
    expect(error).toBeInstanceOf(EcsInputError);
    expect(journal.entries).toEqual([]);
    expect(emulator.state.countRequests()).toBe(0);
  });

  it('names at most 20 servers, and counts the rest', async () => {
    const items = Array.from({ length: 25 }, (_, index) => ({ serverId: `srv-${index}`, flavorRef: 's3.large.2' }));
    const error = (await rejectionOf(planFleet(clientOf(emulator), engine, [...items, ...items]))) as EcsInputError;
    expect(error.issues).toHaveLength(21);
    expect(error.issues.at(-1)?.message).toBe('5 more servers are named more than once');
  });

  it('invalid ids named twice are errors of their own items, not a refusal (they are never sent)', async () => {
    const bad = { serverId: 'a b', flavorRef: 's3.large.2' };
    const plan = await planFleet(clientOf(emulator), engine, [bad, bad]);
    expect(plan.items.map(({ status }) => status)).toEqual(['error', 'error']);
  });
});

/**
 * Journals of earlier runs for READY, what `applyFleet` must make of them, and how many
 * resizes it may send: a server the journal says was sent a resize is never sent another.
 */
const JOURNALS: {
  name: string;
  previous: (jobId: string) => FleetJournalEntry[];
  outcome: keyof Awaited<ReturnType<typeof applyFleet>>['summary'];
  sends: 0 | 1;
}[] = [
  { name: 'no journal', previous: () => [], outcome: 'succeeded', sends: 1 },
  {
    name: 'submitted with its job id: waited for',
    previous: (jobId) => [entry('sending'), entry('submitted', { jobId })],
    outcome: 'succeeded',
    sends: 0,
  },
  { name: 'submitted with no job id', previous: () => [entry('sending'), entry('submitted')], outcome: 'uncertain', sends: 0 },
  {
    name: 'submitted with a job id that is no id (edited by hand)',
    previous: () => [entry('submitted', { jobId: '../x' })],
    outcome: 'pending',
    sends: 0,
  },
  {
    name: 'sending, then a crash before the answer was written',
    previous: () => [entry('sending')],
    outcome: 'uncertain',
    sends: 0,
  },
  {
    name: 'sending, whose answer was lost',
    previous: () => [entry('sending'), entry('sending', { error: 'uncertain: reset' })],
    outcome: 'uncertain',
    sends: 0,
  },
  {
    name: 'succeeded',
    previous: (jobId) => [entry('sending'), entry('submitted', { jobId }), entry('succeeded', { jobId })],
    outcome: 'skipped',
    sends: 0,
  },
  {
    name: 'failed: reported, not sent again',
    previous: (jobId) => [entry('submitted', { jobId }), entry('failed', { jobId })],
    outcome: 'failed',
    sends: 0,
  },
  {
    name: 'sending, then refused by the API (error): sent again',
    previous: () => [entry('sending'), entry('error', { error: 'Ecs.0005' })],
    outcome: 'succeeded',
    sends: 1,
  },
  { name: 'blocked only: sent once the rules pass', previous: () => [entry('blocked')], outcome: 'succeeded', sends: 1 },
  { name: 'error only (a look-up failed): sent', previous: () => [entry('error')], outcome: 'succeeded', sends: 1 },
  {
    name: 'sending, then blocked (a later line never undoes a send)',
    previous: () => [entry('sending'), entry('blocked')],
    outcome: 'uncertain',
    sends: 0,
  },
  {
    name: 'submitted, then an error line',
    previous: (jobId) => [entry('submitted', { jobId }), entry('error')],
    outcome: 'succeeded',
    sends: 0,
  },
  {
    name: 'succeeded in an old run, then sending in a later one',
    previous: (jobId) => [entry('succeeded', { jobId }), entry('sending')],
    outcome: 'uncertain',
    sends: 0,
  },
  {
    name: 'succeeded, the id written in capitals',
    previous: (jobId) => [entry('succeeded', { jobId, serverId: READY.serverId.toUpperCase() })],
    outcome: 'skipped',
    sends: 0,
  },
  { name: 'another server only', previous: (jobId) => [entry('succeeded', { ...OTHER, jobId })], outcome: 'succeeded', sends: 1 },
];

describe('applyFleet resumes from the journal and never sends what it says was sent', () => {
  it.each(JOURNALS)('$name', async ({ previous, outcome, sends }) => {
    const client = clientOf(emulator);
    const plan = await planFleet(client, engine, [READY]);
    expect(plan.items[0]?.status).toBe('ready');
    // A real job (of another server) for the entries that name one.
    const { jobId } = await client.resize(OTHER.serverId, OTHER.flavorRef);
    const before = emulator.state.resizeJobs.length;
    const journal = memoryJournal();
    const result = await applyFleet(client, engine, plan, {
      record: journal.record,
      previous: previous(jobId!),
      waitOptions: FAST_WAIT,
    });
    expect(result.summary[outcome]).toBe(1);
    expect(emulator.state.resizeJobs.length - before).toBe(sends);
    if (sends === 0) expect(journal.entries.map(({ state }) => state)).not.toContain('sending');
  });

  it.each([
    ['succeeded', entry('succeeded', { flavorRef: 's3.2xlarge.2', jobId: 'ff80' })],
    ['uncertain', entry('sending', { flavorRef: 's3.2xlarge.2' })],
    ['failed', entry('failed', { flavorRef: 's3.2xlarge.2', jobId: 'ff80' })],
  ])('a journal that sent the server to another flavor (%s) refuses the plan, nothing sent', async (_, previous) => {
    const client = clientOf(emulator);
    const plan = await planFleet(client, engine, [READY]);
    const requests = emulator.state.countRequests();
    const error = await rejectionOf(applyFleet(client, engine, plan, { record: () => undefined, previous: [previous] }));
    expect(error).toBeInstanceOf(EcsInputError);
    expect((error as EcsInputError).issues[0]).toMatchObject({ path: 'plan.items.0.flavorRef' });
    expect((error as EcsInputError).message).toContain('s3.2xlarge.2');
    expect(emulator.state.countRequests()).toBe(requests);
  });

  it('readFleetJournal tells what was sent to each server, whatever the case of its id', () => {
    const history = readFleetJournal([
      entry('sending'),
      entry('submitted', { jobId: 'ff80' }),
      { ...entry('blocked'), ...OTHER },
    ]);
    expect(history.sentTo(READY.serverId.toUpperCase())).toMatchObject({ outcome: 'submitted', jobId: 'ff80' });
    expect(history.sentTo(OTHER.serverId)).toBeUndefined();
  });
});
