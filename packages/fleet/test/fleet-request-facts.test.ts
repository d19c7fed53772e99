import { DEDICATED_HOST_ID, SERVERS, fleetData } from '@ecs-resize/emulator';
import { createRuleEngine } from '@ecs-resize/rules';
import { describe, expect, it } from 'vitest';
import { EcsInputError } from '@ecs-resize/core';
import { applyFleet, planFleet, type FleetItem, type FleetJournalEntry, type FleetPlan } from '../src/index.js';
import { FAST_JOB_MS, FAST_WAIT, clientOf, recordingClientOf, useEmulator } from '../../core/test/helpers.js';

const engine = createRuleEngine();
const TARGET = 's3.xlarge.2';

/** What each server needs its fleet item to say, and the resize body that saying it sends. */
describe.each([
  {
    name: 'a yearly/monthly server with autoPay true',
    serverId: SERVERS.prepaid,
    ruleId: 'prepaid-auto-pay',
    fields: { autoPay: true },
    resize: { flavorRef: TARGET, extendparam: { isAutoPay: 'true' } },
    warnings: [],
  },
  {
    name: 'a yearly/monthly server with autoPay false (the order paid by hand)',
    serverId: SERVERS.prepaid,
    ruleId: 'prepaid-auto-pay',
    fields: { autoPay: false },
    resize: { flavorRef: TARGET, extendparam: { isAutoPay: 'false' } },
    warnings: ['prepaid-auto-pay'],
  },
  {
    name: 'a server on a dedicated host with dedicatedHostId',
    serverId: SERVERS.dedicatedHost,
    ruleId: 'dedicated-host',
    fields: { dedicatedHostId: DEDICATED_HOST_ID },
    resize: { flavorRef: TARGET, dedicated_host_id: DEDICATED_HOST_ID },
    warnings: [],
  },
])('a fleet item of $name', ({ serverId, ruleId, fields, resize, warnings }) => {
  const emulator = useEmulator({ jobDurationMs: FAST_JOB_MS }, { fresh: true });
  const bare: FleetItem = { serverId, flavorRef: TARGET };
  const item: FleetItem = { ...bare, ...fields };

  /** The resize requests a recording client sent. */
  const resizesIn = (sent: readonly { path: string; body: string }[]) => sent.filter(({ path }) => path.endsWith('/resize'));

  it(`is blocked by ${ruleId} without it`, async () => {
    const plan = await planFleet(clientOf(emulator()), engine, [bare]);
    expect(plan.items[0]).toMatchObject({ status: 'blocked' });
    expect(plan.summary.blockedByRule).toEqual({ [ruleId]: 1 });
  });

  it('is ready with it, the facts carrying what the request will', async () => {
    const plan = await planFleet(clientOf(emulator()), engine, [item]);
    expect(plan.items[0]).toMatchObject({ status: 'ready', facts: fields });
    const warned = plan.items[0]!.report!.findings.filter((finding) => finding.severity === 'warn').map(({ ruleId }) => ruleId);
    expect(warned.filter((id) => id === ruleId)).toEqual(warnings);
  });

  it('is applied through v1.1 with it in the body, sent once; a re-run with the journal sends nothing', async () => {
    const { client, sent } = recordingClientOf(emulator());
    const plan = await planFleet(client, engine, [item]);
    const journal: FleetJournalEntry[] = [];
    const first = await applyFleet(client, engine, plan, { record: (entry) => void journal.push(entry), waitOptions: FAST_WAIT });
    expect(first.summary).toMatchObject({ succeeded: 1, blocked: 0, errors: 0, uncertain: 0 });
    const resizes = resizesIn(sent);
    expect(resizes.map(({ path }) => path)).toEqual([
      expect.stringMatching(/^\/v1\.1\/[0-9a-f]{32}\/cloudservers\/[^/]+\/resize$/),
    ]);
    expect(JSON.parse(resizes[0]!.body)).toEqual({ resize });
    expect(emulator().state.resizeJobs).toMatchObject([{ serverId, apiVersion: 'v1.1' }]);

    const again = await applyFleet(client, engine, plan, { record: () => undefined, previous: journal, waitOptions: FAST_WAIT });
    expect(again.summary).toMatchObject({ skipped: 1, succeeded: 0 });
    expect(resizesIn(sent)).toHaveLength(1);
  });

  it.each(['sending', 'submitted', 'succeeded', 'failed'] as const)(
    'is never sent again when the journal says it was (%s)',
    async (state) => {
      const { client, sent } = recordingClientOf(emulator());
      const plan: FleetPlan = {
        items: [{ item, status: 'ready' }],
        summary: { total: 1, ready: 1, blocked: 0, errors: 0, blockedByRule: {} },
      };
      const previous: FleetJournalEntry[] = [
        { serverId, flavorRef: TARGET, state: 'sending', at: '2026-11-30T00:00:00.000Z' },
        ...(state === 'sending' ? [] : [{ serverId, flavorRef: TARGET, state, jobId: 'job-1', at: '2026-11-30T00:00:01.000Z' }]),
      ];
      await applyFleet(client, engine, plan, { record: () => undefined, previous, waitOptions: { ...FAST_WAIT, timeout: 50 } });
      expect(resizesIn(sent)).toEqual([]);
      expect(emulator().state.resizeJobs).toEqual([]);
    },
  );
});

describe('a fleet item with a bad autoPay or dedicatedHostId', () => {
  const emulator = useEmulator({ jobDurationMs: FAST_JOB_MS }, { fresh: true });

  it.each([
    { field: 'autoPay', value: 'true' },
    { field: 'autoPay', value: 1 },
    { field: 'autoPay', value: null },
    { field: 'dedicatedHostId', value: '' },
    { field: 'dedicatedHostId', value: 'a/b' },
    { field: 'dedicatedHostId', value: 42 },
  ])(
    '$field $value: an input error of its item naming the field; nothing is sent, even from a plan forged ready',
    async ({ field, value }) => {
      const { client, sent } = recordingClientOf(emulator());
      const item = { serverId: SERVERS.prepaid, flavorRef: TARGET, [field]: value } as unknown as FleetItem;
      const plan = await planFleet(client, engine, [item]);
      expect(plan.items[0]).toMatchObject({ status: 'error', error: expect.any(EcsInputError) });
      expect(new Set((plan.items[0]!.error as EcsInputError).issues.map(({ path }) => path))).toEqual(
        new Set([`items.0.${field}`]),
      );

      const forged: FleetPlan = { ...plan, items: [{ item, status: 'ready' }] };
      const result = await applyFleet(client, engine, forged, { record: () => undefined, waitOptions: FAST_WAIT });
      expect(result.summary).toMatchObject({ errors: 1, succeeded: 0, uncertain: 0 });
      expect(result.entries[0]?.error).toMatch(new RegExp(`options\\.${field}: `));
      expect(sent.filter(({ method }) => method === 'POST')).toEqual([]);
      expect(emulator().state.resizeJobs).toEqual([]);
    },
  );
});

describe('a whole fleet (fleetData: three yearly/monthly servers among 42)', () => {
  const emulator = useEmulator({ data: fleetData(42), jobDurationMs: FAST_JOB_MS });

  it.each([
    { given: {}, prepaidBlocked: 3 },
    { given: { autoPay: true }, prepaidBlocked: undefined },
  ])('with $given on every item, prepaid-auto-pay blocks $prepaidBlocked', async ({ given, prepaidBlocked }) => {
    const items = [...emulator().state.servers.keys()].map((serverId) => ({ serverId, flavorRef: TARGET, ...given }));
    const plan = await planFleet(clientOf(emulator()), engine, items);
    expect(plan.summary.blockedByRule['prepaid-auto-pay']).toBe(prepaidBlocked);
    expect(plan.summary.errors).toBe(0);
  });
});
