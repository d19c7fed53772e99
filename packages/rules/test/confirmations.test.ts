import { describe, expect, it } from 'vitest';
import {
  InvalidFactsError,
  createRuleEngine,
  defineRule,
  isConfirmed,
  listConfirmations,
  recommended,
  type Plugin,
} from '../src/index.js';
import { buildFacts } from '../src/testing/index.js';

const BUILT_IN = [
  { key: 'xenToKvmDrivers', name: 'xen-to-kvm-drivers' },
  { key: 'h1Drivers', name: 'h1-drivers' },
];

/** A plugin rule that needs the operator to attest a backup. */
const needsBackup = defineRule({
  meta: {
    type: 'problem',
    docs: { description: 'x', url: 'https://example.com/x', recommended: false },
    confirmation: { key: 'backupTaken', name: 'backup-taken', label: 'A backup of the server was taken' },
    messages: { noBackup: 'No backup was confirmed. Take one, then confirm it.' },
  },
  check: (facts) => (isConfirmed(facts, 'backupTaken') ? [] : [{ messageId: 'noBackup' }]),
});

const acme: Plugin = { meta: { name: 'acme' }, rules: { 'needs-backup': needsBackup } };

describe('listConfirmations', () => {
  it.each([
    ['the recommended rules', createRuleEngine(), BUILT_IN],
    [
      'h1-drivers turned off',
      createRuleEngine({ config: { rules: { ...recommended.rules, 'h1-drivers': 'off' } } }),
      BUILT_IN.slice(0, 1),
    ],
    ['no rule with a confirmation', createRuleEngine({ config: { rules: { 'server-stopped': 'error' } } }), []],
    [
      'a plugin rule, at warn',
      createRuleEngine({ plugins: [acme], config: { rules: { ...recommended.rules, 'acme/needs-backup': 'warn' } } }),
      [...BUILT_IN, { key: 'backupTaken', name: 'backup-taken' }],
    ],
  ])('%s', (_name, engine, expected) => {
    const confirmations = listConfirmations(engine);
    expect(confirmations.map(({ key, name }) => ({ key, name }))).toEqual(expected);
    for (const confirmation of confirmations) expect(confirmation.label).toMatch(/^[A-Z]/);
  });

  it('lists a key once when two rules accept it', () => {
    const twin = defineRule({ ...needsBackup });
    const engine = createRuleEngine({
      rules: { 'acme/one': needsBackup, 'acme/two': twin },
      config: { rules: { 'acme/one': 'error', 'acme/two': 'error' } },
    });
    expect(listConfirmations(engine).map((confirmation) => confirmation.key)).toEqual(['backupTaken']);
  });

  it('the engine names the confirmation of each active rule that has one', () => {
    const active = createRuleEngine().activeRules.filter((rule) => rule.confirmation !== undefined);
    expect(active.map((rule) => [rule.id, rule.confirmation?.name])).toEqual([
      ['xen-to-kvm-drivers', 'xen-to-kvm-drivers'],
      ['h1-drivers', 'h1-drivers'],
    ]);
  });
});

describe('confirmations in the facts: a record of booleans', () => {
  const engine = createRuleEngine({ plugins: [acme], config: { rules: { 'acme/needs-backup': 'error' } } });

  it.each([
    ['absent', undefined, ['noBackup']],
    ['false', { backupTaken: false }, ['noBackup']],
    ['true: a plugin key reaches its rule', { backupTaken: true }, []],
    ['another key only', { h1Drivers: true }, ['noBackup']],
  ])('%s', async (_name, confirmations, expected) => {
    // A plugin's keys are not in the Confirmations type (see its note): `as never` here.
    const facts = { ...buildFacts(), ...(confirmations === undefined ? {} : { confirmations: confirmations as never }) };
    const report = await engine.check(facts);
    expect(report.findings.map((finding) => finding.messageId)).toEqual(expected);
  });

  it.each([
    ['a plugin key that is not a boolean', { backupTaken: 'yes' }, 'confirmations.backupTaken'],
    ['a built-in key that is not a boolean', { xenToKvmDrivers: 1 }, 'confirmations.xenToKvmDrivers'],
    ['a list', ['backupTaken'], 'confirmations.0'],
  ])('refuses %s', async (_name, confirmations, path) => {
    const error = await engine.check({ ...buildFacts(), confirmations } as never).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidFactsError);
    expect((error as InvalidFactsError).issues.map((issue) => issue.path)).toEqual([path]);
  });

  it('isConfirmed reads own keys only, and only true', () => {
    expect(isConfirmed({ confirmations: { h1Drivers: true } }, 'h1Drivers')).toBe(true);
    expect(isConfirmed({ confirmations: { h1Drivers: false } }, 'h1Drivers')).toBe(false);
    expect(isConfirmed({}, 'h1Drivers')).toBe(false);
    expect(isConfirmed({ confirmations: {} }, 'toString')).toBe(false);
    expect(isConfirmed({ confirmations: {} }, '__proto__')).toBe(false);
  });
});
