import { describe, expect, it } from 'vitest';
import { createRuleEngine, defineRule, type Finding } from '../src/index.js';
import { buildFacts } from '../src/testing/index.js';

/** An engine with one rule whose data counts how often its placeholder is read. */
function countingEngine(): { engine: ReturnType<typeof createRuleEngine>; reads: () => number } {
  let reads = 0;
  const data = {
    get serverId() {
      reads += 1;
      return 'srv-1';
    },
    status: 'ACTIVE',
  };
  const rule = defineRule({
    meta: {
      type: 'problem',
      docs: { description: 'Counts.', url: 'https://example.com/c', recommended: false },
      messages: { running: 'Server {{serverId}} is {{status}}. Stop it.' },
    },
    check: () => [{ messageId: 'running', data }],
  });
  return {
    engine: createRuleEngine({ rules: { 'acme/count': rule }, config: { rules: { 'acme/count': 'warn' } } }),
    reads: () => reads,
  };
}

/** Ways a user takes a finding's message. */
const readers: [string, (finding: Finding) => unknown][] = [
  ['property read', (finding) => finding.message],
  ['JSON.stringify', (finding) => (JSON.parse(JSON.stringify(finding)) as Finding).message],
  ['spread', (finding) => ({ ...finding }).message],
  ['Object.entries', (finding) => Object.fromEntries(Object.entries(finding))['message']],
  ['structuredClone', (finding) => structuredClone(finding).message],
];

describe('a finding message is formatted when read', () => {
  it('is not formatted while the engine checks', async () => {
    const { engine, reads } = countingEngine();
    const report = await engine.check(buildFacts());
    expect(report.findings).toHaveLength(1);
    expect(reads()).toBe(0);
    expect(report.findings[0]!.message).toBe('Server srv-1 is ACTIVE. Stop it.');
    expect(reads()).toBe(1);
  });

  it.each(readers)('is there, filled, for a %s', async (_, read) => {
    const { engine } = countingEngine();
    const [finding] = (await engine.check(buildFacts())).findings;
    expect(read(finding!)).toBe('Server srv-1 is ACTIVE. Stop it.');
  });

  it('is an own enumerable key, in the order findings always had', async () => {
    const report = await createRuleEngine().check(buildFacts({ server: { status: 'ACTIVE', vmState: 'active' } }));
    expect(Object.keys(report.findings[0]!)).toEqual(['ruleId', 'severity', 'messageId', 'message', 'data', 'docsUrl']);
    expect(JSON.stringify(report)).toContain('"message":"Server 6f1b3c2a-0d4e-4b7a-9c11-2a5e8f000006 is ACTIVE;');
  });

  it('an unverified finding keeps unverified last, and no key is set for absent data', async () => {
    const report = await createRuleEngine().check(buildFacts({ allowedTargets: undefined }));
    const finding = report.findings.find((candidate) => candidate.ruleId === 'target-allowed')!;
    expect(Object.keys(finding)).toEqual(['ruleId', 'severity', 'messageId', 'message', 'data', 'docsUrl', 'unverified']);
    const bare = defineRule({
      meta: {
        type: 'problem',
        docs: { description: 'B.', url: 'https://example.com/b', recommended: false },
        messages: { b: 'B. Do.' },
      },
      check: () => [{ messageId: 'b' }],
    });
    const [plain] = (
      await createRuleEngine({ rules: { 'acme/b': bare }, config: { rules: { 'acme/b': 'error' } } }).check(buildFacts())
    ).findings;
    expect(Object.keys(plain!)).toEqual(['ruleId', 'severity', 'messageId', 'message', 'docsUrl']);
    expect(plain!.message).toBe('B. Do.');
  });
});
