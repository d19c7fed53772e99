import { describe, expect, it } from 'vitest';
import { createRuleEngine, defineRule, InvalidFactsError, recommended, type ResizeFacts } from '../src/index.js';
import { buildFacts } from '../src/testing/index.js';

/** Facts the schema refuses, each for another reason. */
const invalidFacts: [string, unknown][] = [
  ['a confirmation that is not a boolean', { ...buildFacts(), confirmations: { xenToKvmDrivers: 'yes' } }],
  ['a disk of an unknown type', buildFacts({ server: { disks: [{ id: 'd', type: 'NVMe' as 'VBD' }] } })],
  ['a negative NIC count', buildFacts({ server: { nicCount: -1 } })],
  ['no target', { ...buildFacts(), target: undefined }],
];

/** Valid facts that give different reports. */
const validFacts: [string, ResizeFacts][] = [
  ['facts every rule passes', buildFacts()],
  ['a running server', buildFacts({ server: { status: 'ACTIVE', vmState: 'active' } })],
  ['Xen to KVM without drivers', buildFacts({ server: { flavor: { id: 's1.large', generation: 's1', virtualization: 'xen' } } })],
  ['unknown facts', buildFacts({ server: { frozen: undefined, locked: undefined }, target: { saleStatus: undefined } })],
];

/** A rule that records the facts object it was given. */
function recordingEngine(): { engine: ReturnType<typeof createRuleEngine>; seen: ResizeFacts[] } {
  const seen: ResizeFacts[] = [];
  const record = defineRule({
    meta: { type: 'problem', docs: { description: 'Records.', url: 'https://example.com/r', recommended: false }, messages: {} },
    check(facts) {
      seen.push(facts);
      return [];
    },
  });
  return { engine: createRuleEngine({ rules: { 'acme/record': record }, config: { rules: { 'acme/record': 'error' } } }), seen };
}

describe('engine.check validates facts unless the caller says they are trusted', () => {
  it.each(invalidFacts)('refuses %s by default and with trusted: false', async (_, facts) => {
    const engine = createRuleEngine();
    await expect(engine.check(facts as ResizeFacts)).rejects.toBeInstanceOf(InvalidFactsError);
    await expect(engine.check(facts as ResizeFacts, { trusted: false })).rejects.toBeInstanceOf(InvalidFactsError);
    await expect(engine.check(facts as ResizeFacts, {})).rejects.toBeInstanceOf(InvalidFactsError);
  });

  it.each(invalidFacts.slice(0, 3))('does not validate %s when trusted: the caller vouches for them', async (_, facts) => {
    const report = await createRuleEngine().check(facts as ResizeFacts, { trusted: true });
    expect(report.findings.some((finding) => finding.messageId === 'ruleFailed')).toBe(false);
  });

  it.each(validFacts)('gives the same report on %s, trusted or validated', async (_, facts) => {
    const engine = createRuleEngine({ config: { rules: { ...recommended.rules, 'h1-drivers': 'warn' } } });
    const validated = await engine.check(facts);
    const trusted = await engine.check(facts, { trusted: true });
    expect(JSON.stringify(trusted)).toBe(JSON.stringify(validated));
  });

  it('hands trusted facts to the rules as they are, and validated facts as the parsed copy', async () => {
    const { engine, seen } = recordingEngine();
    const facts = buildFacts();
    await engine.check(facts, { trusted: true });
    await engine.check(facts);
    expect(seen[0]).toBe(facts);
    expect(seen[1]).not.toBe(facts);
    expect(seen[1]).toEqual(facts);
  });
});
