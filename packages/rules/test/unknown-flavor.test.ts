/**
 * A target flavor that does not exist (`target.exists: false`) is one finding, from
 * `target-allowed`: the rules that need the target's details have nothing to check and stay
 * silent, whatever the server. What the server itself breaks is still reported.
 */
import { describe, expect, it } from 'vitest';
import { createRuleEngine, InvalidFactsError, type ResizeFacts } from '../src/index.js';
import { buildFacts, type FactsOverrides } from '../src/testing/index.js';
import { SERVER_ID, disks } from './helpers.js';

/** The target as the facts of a flavor no listing has: its id, and that it does not exist. */
const MISSING = { id: 'nosuch.flavor', exists: false } as const;

/** The default facts (see `buildFacts`) with `server` changed, going to exactly `target`. */
function factsTo(target: ResizeFacts['target'], server: FactsOverrides['server'] = {}): ResizeFacts {
  const facts = buildFacts({ server });
  return { ...facts, target };
}

/** The servers whose resize to an unknown-but-existing flavor draws findings about the target. */
const SERVERS: Readonly<Record<string, FactsOverrides['server']>> = {
  'a stopped KVM server': {},
  'a stopped Xen S1 server (drivers, H1)': { flavor: { generation: 's1', virtualization: 'xen' } },
  'a Xen server with 25 VBD disks': { flavor: { virtualization: 'xen' }, disks: disks(25) },
  'a GPU server': { flavor: { generation: 'g6', performanceType: 'gpu' } },
  'an Arm server': { flavor: { generation: 'kc1', architecture: 'arm' } },
  'a server with 6 NICs': { nicCount: 6 },
};

const engine = createRuleEngine();

describe.each(Object.entries(SERVERS))('%s', (_name, server) => {
  it('to a flavor that does not exist: one finding, target-allowed unknownFlavor', async () => {
    const report = await engine.check(factsTo(MISSING, server));
    expect(report.findings.map(({ ruleId, messageId, severity }) => ({ ruleId, messageId, severity }))).toEqual([
      { ruleId: 'target-allowed', messageId: 'unknownFlavor', severity: 'error' },
    ]);
    expect(report.findings[0]!.message).toBe(
      `Flavor nosuch.flavor does not exist in this region. Check its name, or list the flavors server ${SERVER_ID} may change to and pick one of them.`,
    );
    expect(report.ok).toBe(false);
  });

  it('to a flavor whose details are unknown, but that may exist: the rules that need them say so', async () => {
    const report = await engine.check(factsTo({ id: 'nosuch.flavor' }, server));
    const ruleIds = report.findings.map((finding) => finding.ruleId);
    expect(ruleIds).toContain('target-allowed');
    expect(ruleIds.filter((ruleId) => ruleId !== 'target-allowed').length).toBeGreaterThan(0);
    expect(report.findings.some((finding) => finding.messageId === 'unknownFlavor')).toBe(false);
  });
});

describe('what the server breaks is still reported beside the unknown flavor', () => {
  it.each([
    ['server-stopped', { status: 'ACTIVE', vmState: 'active' }],
    ['no-frozen-server', { frozen: true }],
    ['no-locked-server', { locked: true }],
    ['no-spot-server', { chargingMode: 'spot' }],
    ['resizable-source', { flavor: { generation: 'h2' } }],
  ] as const)('%s', async (ruleId, server) => {
    const report = await engine.check(factsTo(MISSING, server));
    expect(report.findings.map((finding) => finding.ruleId).sort()).toEqual([ruleId, 'target-allowed'].sort());
  });
});

describe('target.exists in facts from outside', () => {
  it.each([
    ['true: the flavor exists, the rules look at it', { ...buildFacts().target, exists: true }, true],
    ['absent: not looked up, the rules look at it', buildFacts().target, true],
  ] as const)('%s', async (_name, target, ok) => {
    expect((await engine.check(factsTo(target))).ok).toBe(ok);
  });

  it.each(['false', 0, null])('is a boolean: %j is refused', async (exists) => {
    const facts = { ...buildFacts(), target: { id: 'nosuch.flavor', exists } } as unknown as ResizeFacts;
    await expect(engine.check(facts)).rejects.toThrow(InvalidFactsError);
    await expect(engine.check(facts)).rejects.toThrow('target.exists: must be a boolean');
  });
});
