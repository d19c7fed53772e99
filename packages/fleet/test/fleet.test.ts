import { SERVERS, fleetData, startEmulator, type Emulator } from '@ecs-resize/emulator';
import { createRuleEngine, recommended } from '@ecs-resize/rules';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EcsApiError, EcsInputError } from '@ecs-resize/core';
import { applyFleet, planFleet, type FleetItem, type FleetJournalEntry } from '../src/index.js';
import { FAST_WAIT, HOLD, clientOf, eventually } from '../../core/test/helpers.js';

const engine = createRuleEngine();

describe('planFleet', () => {
  let emulator: Emulator;
  beforeEach(async () => {
    emulator = await startEmulator({ data: fleetData(42), jobDurationMs: 40 });
  });
  afterEach(() => emulator.close());

  const everyServer = (flavorRef: string): FleetItem[] =>
    [...emulator.state.servers.keys()].map((serverId) => ({ serverId, flavorRef }));

  it('plans every item with shared look-ups, far fewer requests than one collectFacts each', async () => {
    const items = [...everyServer('s3.xlarge.2'), { serverId: '00000000-0000-0000-0000-000000000000', flavorRef: 's3.xlarge.2' }];
    const progress: number[] = [];
    const [before, nicsBefore] = [emulator.state.countRequests(), emulator.state.countRequests('listServerInterfaces')];
    const plan = await planFleet(clientOf(emulator), engine, items, { onProgress: ({ done }) => void progress.push(done) });
    const requests = emulator.state.countRequests() - before;
    expect(plan.items.map((item) => item.item)).toEqual(items);
    expect(plan.summary.total).toBe(43);
    expect(plan.summary.ready + plan.summary.blocked + plan.summary.errors).toBe(43);
    expect(plan.summary.ready).toBeGreaterThan(0);
    expect(plan.summary.blocked).toBeGreaterThan(0);
    expect(plan.items.at(-1)).toMatchObject({ status: 'error', error: expect.any(EcsApiError) });
    expect(plan.summary.blockedByRule['server-stopped']).toBeGreaterThan(0);
    expect(progress).toEqual(items.map((_, index) => index + 1));
    // One listing page, one flavor list, one resize_flavors per source flavor, EVS 60 ids a
    // request, one GET for the server the listing lacks, and no NICs (os-interface has no batch
    // form: applyFleet reads them when it checks each server again): against 5 per item one by one.
    expect(requests).toBeLessThan((items.length * 5) / 5);
    expect(emulator.state.countRequests('listServerInterfaces') - nicsBefore).toBe(0);
    expect(emulator.state.countRequests('getServer')).toBe(1);
  });

  it('builds the same facts as collectFacts for each server', async () => {
    const items = everyServer('c6.large.2').slice(0, 14);
    const client = clientOf(emulator);
    const plan = await planFleet(client, engine, items);
    for (const planned of plan.items) {
      // The same, but for the NICs, which only collectFacts reads (one request per server).
      const collected = await client.collectFacts(planned.item.serverId, planned.item.flavorRef);
      const { nicCount, ...server } = collected.server;
      expect(nicCount).toEqual(expect.any(Number));
      expect(planned.facts).toEqual({ ...collected, server });
    }
  });

  it('a failed look-up becomes the error of the items that needed it, not of the plan', async () => {
    emulator.faults.push({ route: 'listResizeFlavors', kind: 'error', status: 500, times: 1 });
    const plan = await planFleet(clientOf(emulator, { retry: 0 }), engine, everyServer('s3.xlarge.2'));
    const failed = plan.items.filter((item) => item.status === 'error');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.length).toBeLessThan(plan.items.length);
    const failedFlavors = new Set(failed.map((item) => emulator.state.servers.get(item.item.serverId)!.flavorId));
    expect(failedFlavors.size).toBe(1);
  });

  it('a bad item is an error of its own; bad arguments throw', async () => {
    const items = [{ serverId: 'a/b', flavorRef: 's3.xlarge.2' }, { serverId: SERVERS.kvmStopped }] as FleetItem[];
    const plan = await planFleet(clientOf(emulator), engine, items);
    expect(plan.items.map((item) => [item.status, (item.error as EcsInputError).issues[0]!.path])).toEqual([
      ['error', 'items.0.serverId'],
      ['error', 'items.1.flavorRef'],
    ]);
    await expect(planFleet(clientOf(emulator), engine, 'nope' as never)).rejects.toBeInstanceOf(EcsInputError);
  });
});

describe('applyFleet', () => {
  let emulator: Emulator;
  beforeEach(async () => {
    emulator = await startEmulator({ jobDurationMs: 40 });
  });
  afterEach(() => emulator.close());

  const items: FleetItem[] = [
    { serverId: SERVERS.kvmStopped, flavorRef: 's3.xlarge.2' },
    { serverId: SERVERS.kvmScsi, flavorRef: 'c6.xlarge.2' },
    { serverId: SERVERS.xenDrivers, flavorRef: 's3.large.2', confirmations: { xenToKvmDrivers: true } },
    { serverId: SERVERS.kvmRunning, flavorRef: 's3.xlarge.2' },
  ];
  const journal = () => {
    const entries: FleetJournalEntry[] = [];
    return { entries, record: (entry: FleetJournalEntry) => void entries.push(entry) };
  };

  it('resizes the ready items only, journaling every step, and waits for their jobs', async () => {
    const client = clientOf(emulator);
    const plan = await planFleet(client, engine, items);
    expect(plan.items.map((item) => item.status)).toEqual(['ready', 'ready', 'ready', 'blocked']);
    const { entries, record } = journal();
    const result = await applyFleet(client, engine, plan, { record, waitOptions: FAST_WAIT });
    expect(result.summary).toEqual({ succeeded: 3, failed: 0, blocked: 0, errors: 0, uncertain: 0, skipped: 0, pending: 0 });
    expect(emulator.state.resizeJobs).toHaveLength(3);
    const states = (serverId: string) => entries.filter((entry) => entry.serverId === serverId).map((entry) => entry.state);
    expect(states(SERVERS.kvmStopped)).toEqual(['sending', 'submitted', 'succeeded']);
    expect(states(SERVERS.kvmRunning)).toEqual([]);
    expect(emulator.state.servers.get(SERVERS.xenDrivers)!.flavorId).toBe('s3.large.2');
  });

  it('a re-run skips what succeeded, waits for what was submitted, and never re-sends an uncertain resize', async () => {
    const client = clientOf(emulator);
    const { jobId } = await client.resize(SERVERS.kvmScsi, 'c6.xlarge.2');
    // Planned again while kvmScsi is being resized: it plans as blocked, and is still waited for.
    const plan = await planFleet(client, engine, items);
    expect(plan.items[1]!.status).toBe('blocked');
    const at = new Date().toISOString();
    const previous: FleetJournalEntry[] = [
      { serverId: SERVERS.kvmStopped, flavorRef: 's3.xlarge.2', state: 'succeeded', jobId: 'x', at },
      { serverId: SERVERS.kvmScsi, flavorRef: 'c6.xlarge.2', state: 'sending', at },
      { serverId: SERVERS.kvmScsi, flavorRef: 'c6.xlarge.2', state: 'submitted', jobId: jobId!, at },
      { serverId: SERVERS.xenDrivers, flavorRef: 's3.large.2', state: 'sending', at },
    ];
    const { entries, record } = journal();
    const result = await applyFleet(client, engine, plan, { record, previous, waitOptions: FAST_WAIT });
    expect(result.summary).toEqual({ succeeded: 1, failed: 0, blocked: 0, errors: 0, uncertain: 1, skipped: 1, pending: 0 });
    expect(entries.map((entry) => [entry.serverId, entry.state])).toEqual([[SERVERS.kvmScsi, 'succeeded']]);
    expect(emulator.state.resizeJobs).toHaveLength(1);
  });

  it('a resize whose answer is lost stays uncertain, and a re-run does not send it again', async () => {
    const client = clientOf(emulator);
    const plan = await planFleet(client, engine, items.slice(0, 1));
    emulator.faults.push({ route: 'resize', kind: 'reset', phase: 'after', times: 1 });
    const first = journal();
    const result = await applyFleet(client, engine, plan, { record: first.record, waitOptions: FAST_WAIT });
    expect(result.summary.uncertain).toBe(1);
    expect(first.entries.at(-1)).toMatchObject({ state: 'sending', error: expect.stringMatching(/^uncertain: /) });
    expect(emulator.state.resizeJobs).toHaveLength(1);
    const again = await applyFleet(client, engine, plan, {
      record: () => undefined,
      previous: first.entries,
      waitOptions: FAST_WAIT,
    });
    expect(again.summary.uncertain).toBe(1);
    expect(emulator.state.resizeJobs).toHaveLength(1);
  });

  it('a wait that times out leaves its item submitted (pending) without ending the others', async () => {
    // A frozen clock: the jobs never end, so each wait ends at its timeout.
    vi.useFakeTimers({ toFake: ['Date'] });
    const slow = await startEmulator({ jobDurationMs: 5_000 });
    try {
      const client = clientOf(slow);
      const plan = await planFleet(client, engine, items.slice(0, 2));
      const { entries, record } = journal();
      const result = await applyFleet(client, engine, plan, { record, waitOptions: { interval: 10, timeout: 200 } });
      expect(result.summary).toMatchObject({ pending: 2, succeeded: 0 });
      expect(entries.map((entry) => entry.state).sort()).toEqual(['sending', 'sending', 'submitted', 'submitted']);
      expect(result.entries.map((entry) => entry.state)).toEqual(['submitted', 'submitted']);
    } finally {
      vi.useRealTimers();
      await slow.close();
    }
  });

  it('an abort during the check leaves nothing uncertain', async () => {
    const client = clientOf(emulator);
    const plan = await planFleet(client, engine, items.slice(0, 1));
    const controller = new AbortController();
    emulator.faults.push({ route: 'getServer', ...HOLD, times: 1 });
    const { entries, record } = journal();
    const before = emulator.state.countRequests('getServer');
    const applying = applyFleet(client, engine, plan, { record, signal: controller.signal });
    // The check is under way (the emulator holds its look-up): abort it there.
    await eventually(() => emulator.state.countRequests('getServer') > before, 'the check');
    controller.abort(new Error('stop'));
    await expect(applying).rejects.toThrow('stop');
    expect(entries).toEqual([]);
    expect(emulator.state.resizeJobs).toHaveLength(0);
  });

  it('checks each item again before sending, and records failed jobs', async () => {
    const client = clientOf(emulator);
    const lenient = createRuleEngine({ config: { rules: { ...recommended.rules, 'no-kvm-to-xen': 'off' } } });
    const plan = await planFleet(client, lenient, [items[0]!, { serverId: SERVERS.kvmScsi, flavorRef: 's1.large' }]);
    expect(plan.summary.ready).toBe(2);
    const stopped = emulator.state.servers.get(SERVERS.kvmStopped)!;
    Object.assign(stopped, { status: 'ACTIVE', vmState: 'active', powerState: 1 });
    const { entries, record } = journal();
    const result = await applyFleet(client, lenient, plan, { record, waitOptions: FAST_WAIT });
    expect(result.summary).toMatchObject({ blocked: 1, failed: 1 });
    expect(entries.find((entry) => entry.state === 'failed')).toMatchObject({
      serverId: SERVERS.kvmScsi,
      error: expect.stringContaining('Ecs.0207'),
    });
    expect(emulator.state.resizeJobs.map((job) => job.serverId)).toEqual([SERVERS.kvmScsi]);
  });
});
