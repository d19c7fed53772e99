/**
 * planFleetWithJournal: the plan of a re-run. Items whose server the journal says was sent a
 * resize are not planned again (applyFleet resumes them); the others are planned. Real HTTP
 * against the emulator.
 */
import { EcsInputError } from '@ecs-resize/core';
import { SERVERS } from '@ecs-resize/emulator';
import { createRuleEngine } from '@ecs-resize/rules';
import { describe, expect, it } from 'vitest';
import { planFleetWithJournal, type FleetItem, type FleetJournalEntry } from '../src/index.js';
import { FAST_JOB_MS, clientOf, rejectionOf, useEmulator } from '../../core/test/helpers.js';

const engine = createRuleEngine();
const emulator = useEmulator({ jobDurationMs: FAST_JOB_MS });
const AT = '2026-01-01T00:00:00.000Z';
const FIRST: FleetItem = { serverId: SERVERS.kvmStopped, flavorRef: 's3.xlarge.2' };
const SECOND: FleetItem = { serverId: SERVERS.kvmScsi, flavorRef: 'c6.xlarge.2' };

/** An entry of an earlier run's journal for FIRST. */
const entry = (state: FleetJournalEntry['state'], extra: Partial<FleetJournalEntry> = {}): FleetJournalEntry => ({
  ...FIRST,
  state,
  at: AT,
  ...extra,
});

/** Journals of earlier runs, and whether each makes FIRST resumed (not planned again). */
const JOURNALS: { name: string; previous: FleetJournalEntry[]; resumed: boolean }[] = [
  { name: 'no journal', previous: [], resumed: false },
  { name: 'sending, no answer (uncertain)', previous: [entry('sending')], resumed: true },
  { name: 'submitted with its job', previous: [entry('sending'), entry('submitted', { jobId: 'ff80' })], resumed: true },
  { name: 'succeeded', previous: [entry('sending'), entry('succeeded', { jobId: 'ff80' })], resumed: true },
  { name: 'failed', previous: [entry('sending'), entry('failed', { jobId: 'ff80', error: 'x' })], resumed: true },
  { name: 'blocked (never sent)', previous: [entry('blocked', { error: 'x' })], resumed: false },
  { name: 'sending, then refused by the API (nothing happened)', previous: [entry('sending'), entry('error')], resumed: false },
  {
    name: 'sending under the id in upper case (one server)',
    previous: [{ ...entry('sending'), serverId: FIRST.serverId.toUpperCase() }],
    resumed: true,
  },
  { name: 'another server only', previous: [{ ...entry('sending'), serverId: SERVERS.xenDrivers }], resumed: false },
];

describe('planFleetWithJournal plans what the journal did not send, in input order', () => {
  it.each(JOURNALS)('$name', async ({ previous, resumed }) => {
    const { fresh, plan, resumed: count } = await planFleetWithJournal(clientOf(emulator()), engine, [FIRST, SECOND], previous);
    expect(count).toBe(resumed ? 1 : 0);
    expect(fresh.items.map(({ item }) => item)).toEqual(resumed ? [SECOND] : [FIRST, SECOND]);
    expect(plan.items.map(({ item }) => item)).toEqual([FIRST, SECOND]);
    expect(plan.items[0]).toEqual(resumed ? { item: FIRST, status: 'ready' } : fresh.items[0]);
    expect(plan.items[1]).toBe(fresh.items.at(-1));
    expect(plan.summary).toEqual(fresh.summary);
  });

  it.each([
    ['not an array', 'journal' as never],
    ['an entry without serverId', [{ flavorRef: 's3.xlarge.2', state: 'sending', at: AT }] as never],
    ['an unknown state', [{ ...entry('sending'), state: 'sent' }] as never],
  ])('refuses a journal that is %s, before any request', async (_, previous) => {
    const requests = emulator().state.countRequests();
    const error = await rejectionOf(planFleetWithJournal(clientOf(emulator()), engine, [FIRST], previous));
    expect(error).toBeInstanceOf(EcsInputError);
    expect((error as EcsInputError).issues[0]?.path).toMatch(/^previous/);
    expect(emulator().state.countRequests()).toBe(requests);
  });
});
