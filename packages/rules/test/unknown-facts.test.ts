import { describe, expect, it } from 'vitest';
import { createRuleEngine, defineRule, recommended, type ResizeFacts } from '../src/index.js';
import { builtInRules } from '../src/rules/index.js';
import { buildFacts, type FactsOverrides } from '../src/testing/index.js';
import { disks } from './helpers.js';

/**
 * For each built-in rule that can be unsure: facts that leave it unsure, and the severity its
 * `unverified` finding gets at `error` — a warning when the cloud refuses at once, an error
 * when it fails late.
 */
const unsure: ReadonlyArray<[ruleId: string, overrides: FactsOverrides, severity: 'warn' | 'error']> = [
  ['server-stopped', { server: { taskState: undefined } }, 'warn'],
  ['target-allowed', { allowedTargets: undefined }, 'warn'],
  ['target-on-sale', { target: { saleStatus: undefined } }, 'warn'],
  ['no-frozen-server', { server: { frozen: undefined } }, 'warn'],
  ['no-locked-server', { server: { locked: undefined } }, 'warn'],
  ['no-spot-server', { server: { chargingMode: undefined } }, 'warn'],
  ['prepaid-auto-pay', { server: { chargingMode: undefined } }, 'warn'],
  ['nic-limit', { server: { nicCount: undefined } }, 'warn'],
  ['dedicated-host', { server: { dedicatedHostId: undefined } }, 'warn'],
  ['no-kvm-to-xen', { server: { flavor: { virtualization: undefined } }, target: { virtualization: 'xen' } }, 'error'],
  ['xen-vbd-limit', { server: { disks: disks(25), flavor: { virtualization: undefined } } }, 'error'],
  ['xen-to-kvm-drivers', { server: { flavor: { virtualization: undefined } } }, 'error'],
  ['h1-drivers', { server: { flavor: { generation: undefined } }, target: { generation: 'h1' } }, 'error'],
  ['no-expanding-disk', { server: { disks: disks(1, 'VBD', null) } }, 'error'],
  ['resizable-source', { server: { flavor: { generation: undefined } } }, 'error'],
  ['same-family', { target: { generation: undefined, performanceType: undefined } }, 'error'],
  ['same-architecture', { target: { generation: undefined, architecture: undefined } }, 'error'],
];

describe('unknown facts: a warning where the cloud refuses at once, an error where it fails late', () => {
  it('the table covers every built-in rule that can be unsure', () => {
    const sure = ['flavor-changes'];
    expect(new Set([...unsure.map(([id]) => id), ...sure])).toEqual(new Set(Object.keys(builtInRules)));
  });

  it.each(unsure)('%s: unverified is %s', async (ruleId, overrides, severity) => {
    const engine = createRuleEngine({ config: { rules: { [ruleId]: 'error' } } });
    const report = await engine.check(buildFacts(overrides));
    expect(report.findings).toEqual([expect.objectContaining({ ruleId, severity, messageId: 'unverified', unverified: true })]);
    expect(builtInRules[ruleId]!.meta.refusal).toBe(severity === 'warn' ? 'at-once' : 'late');
    expect(report.ok).toBe(severity === 'warn');
  });

  it.each(unsure)('%s: a rule configured at warn stays at warn', async (ruleId, overrides) => {
    const engine = createRuleEngine({ config: { rules: { [ruleId]: 'warn' } } });
    const { findings } = await engine.check(buildFacts(overrides));
    expect(findings.map((finding) => finding.severity)).toEqual(['warn']);
  });

  it('a problem found is never softened: an at-once rule that knows reports at its severity', async () => {
    const report = await createRuleEngine().check(buildFacts({ server: { frozen: true } }));
    expect(report.findings).toEqual([
      expect.objectContaining({ ruleId: 'no-frozen-server', severity: 'error', messageId: 'frozen' }),
    ]);
    expect(report.findings[0]).not.toHaveProperty('unverified');
  });
});

/** A plugin rule that always says it could not verify, with the refusal given. */
const unsureRule = (refusal: 'at-once' | 'late' | undefined) =>
  defineRule({
    meta: {
      type: 'problem',
      docs: { description: 'x', url: 'https://example.com/x', recommended: false },
      ...(refusal === undefined ? {} : { refusal }),
      messages: { unsure: 'Could not verify x. Look it up.' },
    },
    check: () => [{ messageId: 'unsure', unverified: true }],
  });

describe('unknown facts: plugin rules', () => {
  it.each([
    ['at-once', 'warn'],
    ['late', 'error'],
    [undefined, 'error'],
  ] as const)('refusal %s makes an unverified report %s', async (refusal, severity) => {
    const engine = createRuleEngine({
      rules: { 'acme/unsure': unsureRule(refusal) },
      config: { rules: { 'acme/unsure': 'error' } },
    });
    expect((await engine.check(buildFacts())).findings).toEqual([expect.objectContaining({ severity, unverified: true })]);
  });
});

/** Facts with only the fields the seed's facts had: none of the ones issue 11 added. */
function seedOnly(facts: ResizeFacts): ResizeFacts {
  const { autoPay: _autoPay, dedicatedHostId: _host, ...rest } = facts;
  const { nicCount: _nics, dedicatedHostId: _serverHost, flavor, ...server } = rest.server;
  const strip = ({ architecture: _a, performanceType: _p, localDisks: _l, maxNics: _m, ...kept }: ResizeFacts['target']) => kept;
  return { ...rest, server: { ...server, flavor: strip(flavor) }, target: strip(rest.target) };
}

describe("facts with only the seed's fields", () => {
  const allowed: ReadonlyArray<[name: string, overrides: FactsOverrides]> = [
    ['KVM s3 → s3', {}],
    ['KVM s3 → c6', { target: { id: 'c6.large.2', generation: 'c6' } }],
    [
      'Xen s1 → KVM s3, drivers confirmed',
      {
        server: { flavor: { id: 's1.large', generation: 's1', virtualization: 'xen' } },
        confirmations: { xenToKvmDrivers: true },
      },
    ],
    [
      'Xen s1 → Xen h1, driver confirmed',
      {
        server: { flavor: { id: 's1.large', generation: 's1', virtualization: 'xen' } },
        target: { id: 'h1.large.2', generation: 'h1', virtualization: 'xen' },
        allowedTargets: ['h1.large.2'],
        confirmations: { h1Drivers: true },
      },
    ],
    ['a running server with withStopServer', { server: { status: 'ACTIVE', vmState: 'active' }, mode: 'withStopServer' }],
  ];

  it.each(allowed)('%s: ok, with warnings only for what is refused at once', async (_name, overrides) => {
    const facts = seedOnly(buildFacts(overrides));
    expect(Object.keys(facts.server.flavor)).not.toContain('architecture');
    const report = await createRuleEngine().check(facts);
    expect(report).toMatchObject({ ok: true, errorCount: 0 });
    for (const finding of report.findings) {
      expect(finding).toMatchObject({ severity: 'warn', unverified: true });
      expect(builtInRules[finding.ruleId]!.meta.refusal).toBe('at-once');
    }
    expect(report.findings.map((finding) => finding.ruleId)).toEqual(['nic-limit', 'dedicated-host']);
  });

  it('facts that know everything give no finding at all', async () => {
    expect(await createRuleEngine().check(buildFacts())).toEqual({ ok: true, errorCount: 0, warningCount: 0, findings: [] });
    expect(Object.keys(recommended.rules)).toEqual(Object.keys(builtInRules));
  });
});
