import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  InvalidFactsError,
  RuleConfigError,
  createRuleEngine,
  defineRule,
  recommended,
  type Plugin,
  type ResizeFacts,
} from '../src/index.js';
import { formatMessage } from '../src/engine/format-message.js';
import { buildFacts } from '../src/testing/index.js';

/** A third-party rule with options: refuses a target with fewer vCPUs than the source times `minRatio`. */
const noDownsize = defineRule<{ minRatio: number }>({
  meta: {
    type: 'suggestion',
    docs: { description: 'Do not reduce vCPUs.', url: 'https://example.com/no-downsize', recommended: true },
    messages: { downsize: '{{to}} has {{to_vcpus}} vCPUs, fewer than {{from_vcpus}}. Pick a larger flavor.' },
    schema: v.strictObject({ minRatio: v.pipe(v.number(), v.minValue(0)) }),
    defaultOptions: { minRatio: 1 },
  },
  check({ server, target }, { options }) {
    const from = server.flavor.vcpus ?? 0;
    const to = target.vcpus ?? 0;
    return to < from * options.minRatio
      ? [{ messageId: 'downsize', data: { to: target.id, to_vcpus: to, from_vcpus: from } }]
      : [];
  },
});

const acme: Plugin = {
  meta: { name: 'ecs-resize-plugin-acme', version: '1.0.0', namespace: 'acme' },
  rules: { 'no-downsize': noDownsize },
  configs: { recommended: { rules: { 'acme/no-downsize': 'warn' } } },
};

const smaller = buildFacts({ target: { id: 's3.medium.2', vcpus: 1 }, allowedTargets: ['s3.medium.2'] });

describe('createRuleEngine: defaults and report', () => {
  it('runs the recommended built-ins by default; facts that break nothing give an ok report', async () => {
    const engine = createRuleEngine();
    expect(engine.activeRules.map((rule) => rule.id)).toEqual(Object.keys(recommended.rules));
    expect(await engine.check(buildFacts())).toEqual({ ok: true, errorCount: 0, warningCount: 0, findings: [] });
  });

  it('reports each finding with rule id, severity, message id, filled message, data and docs URL', async () => {
    const report = await createRuleEngine().check(buildFacts({ server: { status: 'ACTIVE', vmState: 'active' } }));
    expect(report.ok).toBe(false);
    expect(report.errorCount).toBe(1);
    expect(report.findings[0]).toMatchObject({
      ruleId: 'server-stopped',
      severity: 'error',
      messageId: 'notStopped',
      data: { status: 'ACTIVE' },
      docsUrl: expect.stringMatching(/server-stopped\.md$/),
    });
    expect(report.findings[0]!.message).toContain('is ACTIVE');
    expect(report.findings[0]!.message).not.toContain('{{');
  });

  it('applies the configured severity: warn keeps the report ok; off turns a rule off', async () => {
    const facts = buildFacts({
      server: { status: 'ACTIVE', vmState: 'active' },
      target: { id: 's3.large.2' },
      allowedTargets: ['s3.large.2'],
    });
    const engine = createRuleEngine({
      config: { rules: { ...recommended.rules, 'server-stopped': 'warn', 'flavor-changes': 'off' } },
    });
    const report = await engine.check(facts);
    expect(report).toMatchObject({ ok: true, errorCount: 0, warningCount: 1 });
    expect(report.findings.map((finding) => [finding.ruleId, finding.severity])).toEqual([['server-stopped', 'warn']]);
  });

  it('a config lists the rules that run: the others are off', async () => {
    const engine = createRuleEngine({ config: { rules: { 'flavor-changes': 'error' } } });
    const report = await engine.check(buildFacts({ server: { status: 'ACTIVE' }, target: { id: 's3.large.2' } }));
    expect(report.findings.map((finding) => finding.ruleId)).toEqual(['flavor-changes']);
  });
});

describe('createRuleEngine: configuration errors', () => {
  const problemsOf = (make: () => unknown): readonly string[] => {
    try {
      make();
    } catch (error) {
      expect(error).toBeInstanceOf(RuleConfigError);
      return (error as RuleConfigError).problems;
    }
    throw new Error('expected a RuleConfigError');
  };

  it('an unknown rule id, naming it and the known ones', () => {
    const [problem] = problemsOf(() => createRuleEngine({ config: { rules: { 'server-stoped': 'error' } } }));
    expect(problem).toMatch(/server-stoped: unknown rule; the known rules are server-stopped/);
  });

  it('a bad severity', () => {
    const problems = problemsOf(() => createRuleEngine({ config: { rules: { 'server-stopped': 'fatal' as never } } }));
    expect(problems.join()).toMatch(/config\.rules\.server-stopped: must be a severity/);
  });

  it('options for a rule that takes none', () => {
    const problems = problemsOf(() => createRuleEngine({ config: { rules: { 'server-stopped': ['error', { strict: true }] } } }));
    expect(problems).toEqual(['config.rules.server-stopped: the rule takes no options']);
  });

  it("options the rule's schema refuses, naming the rule and the option", () => {
    const problems = problemsOf(() =>
      createRuleEngine({ plugins: [acme], config: { rules: { 'acme/no-downsize': ['error', { minRatio: -1 }] } } }),
    );
    expect(problems.join()).toMatch(/config\.rules\.acme\/no-downsize\.options\.minRatio/);
  });

  it('every problem at once', () => {
    const problems = problemsOf(() =>
      createRuleEngine({
        config: {
          rules: { nope: 'error', 'flavor-changes': ['warn', 1], 'server-stopped': 'fatal', 'h1-drivers': 'warn' } as never,
        },
      }),
    );
    expect(problems.map((problem) => problem.split(':')[0])).toEqual([
      'config.rules.nope',
      'config.rules.flavor-changes',
      'config.rules.server-stopped',
    ]);
  });

  it('a third-party rule without a namespace, or one that replaces a built-in', () => {
    expect(problemsOf(() => createRuleEngine({ rules: { 'no-downsize': noDownsize } })).join()).toMatch(/need a namespace/);
    expect(problemsOf(() => createRuleEngine({ plugins: [acme, acme] })).join()).toMatch(/already defined/);
  });

  it('a rule that declares the messageId the engine keeps for failed rules', () => {
    const impostor = defineRule({
      meta: {
        type: 'problem',
        docs: { description: 'x', url: 'https://example.com/x', recommended: false },
        messages: { ruleFailed: 'Fine. Really.' },
      },
      check: () => [],
    });
    expect(problemsOf(() => createRuleEngine({ rules: { 'acme/impostor': impostor } })).join()).toMatch(
      /keeps for rules that fail/,
    );
  });

  it('something that is not a rule, or not a config', () => {
    expect(problemsOf(() => createRuleEngine({ rules: { 'acme/x': { meta: {} } as never } })).join()).toMatch(/is not a rule/);
    expect(problemsOf(() => createRuleEngine({ config: { rule: {} } as never })).join()).toMatch(/config/);
  });
});

describe('createRuleEngine: third-party rules and plugins', () => {
  it('loads a plugin under its namespace, with its options and its config', async () => {
    const engine = createRuleEngine({
      plugins: [acme],
      config: { rules: { ...recommended.rules, ...acme.configs!['recommended']!.rules } },
    });
    const report = await engine.check(smaller);
    expect(report.findings).toEqual([
      expect.objectContaining({
        ruleId: 'acme/no-downsize',
        severity: 'warn',
        message: 's3.medium.2 has 1 vCPUs, fewer than 2. Pick a larger flavor.',
      }),
    ]);
    const lenient = createRuleEngine({
      plugins: [acme],
      config: { rules: { 'acme/no-downsize': ['error', { minRatio: 0.5 }] } },
    });
    expect((await lenient.check(smaller)).findings).toEqual([]);
  });

  it('takes a rule by namespaced id; extra facts reach it', async () => {
    const seen: unknown[] = [];
    const spy = defineRule({
      meta: {
        type: 'problem',
        docs: { description: 'x', url: 'https://example.com/x', recommended: false },
        messages: { x: 'x' },
      },
      check(facts) {
        seen.push((facts as ResizeFacts & { cmdb?: unknown }).cmdb);
        return [];
      },
    });
    await createRuleEngine({ rules: { 'acme/spy': spy }, config: { rules: { 'acme/spy': 'error' } } }).check({
      ...buildFacts(),
      cmdb: { owner: 'team-a' },
    } as ResizeFacts);
    expect(seen).toEqual([{ owner: 'team-a' }]);
  });

  it('runs async rules', async () => {
    const slow = defineRule({
      meta: {
        type: 'problem',
        docs: { description: 'x', url: 'https://example.com/x', recommended: false },
        messages: { late: 'Late {{n}}. Do something.' },
      },
      check: async () => {
        await new Promise((resolve) => setImmediate(resolve)); // a turn of the event loop, not a duration
        return [{ messageId: 'late', data: { n: 1 } }];
      },
    });
    const report = await createRuleEngine({ rules: { 'acme/slow': slow }, config: { rules: { 'acme/slow': 'error' } } }).check(
      buildFacts(),
    );
    expect(report.findings.map((finding) => finding.message)).toEqual(['Late 1. Do something.']);
  });

  it('a rule that throws becomes an error finding of its own, with the cause; the other rules run', async () => {
    const boom = new Error('boom');
    const broken = defineRule({
      meta: { type: 'problem', docs: { description: 'x', url: 'https://example.com/x', recommended: false }, messages: {} },
      check() {
        throw boom;
      },
    });
    const rejecting = defineRule({ ...broken, check: () => Promise.reject(boom) });
    const engine = createRuleEngine({
      rules: { 'acme/broken': broken, 'acme/rejecting': rejecting },
      config: { rules: { 'acme/broken': 'warn', 'acme/rejecting': 'warn', 'flavor-changes': 'error' } },
    });
    const report = await engine.check(buildFacts({ target: { id: 's3.large.2' } }));
    expect(report.findings.map((finding) => [finding.ruleId, finding.severity, finding.messageId])).toEqual([
      ['acme/broken', 'error', 'ruleFailed'],
      ['acme/rejecting', 'error', 'ruleFailed'],
      ['flavor-changes', 'error', 'sameFlavor'],
    ]);
    expect(report.findings[0]!.cause).toBe(boom);
    expect(report.findings[0]!.message).toMatch(/Rule acme\/broken failed: it threw Error: boom/);
  });

  it('a rule that reports an undeclared message id, or no array, becomes a ruleFailed finding', async () => {
    // Message ids typed as string: a typed rule could not report the undeclared id at all.
    const sloppy = defineRule<undefined>({
      meta: {
        type: 'problem',
        docs: { description: 'x', url: 'https://example.com/x', recommended: false },
        messages: { a: 'A.' },
      },
      check: () => [{ messageId: 'b' }],
    });
    const notArray = defineRule({ ...sloppy, check: () => ({ messageId: 'a' }) as never });
    const engine = createRuleEngine({
      rules: { 'acme/sloppy': sloppy, 'acme/not-array': notArray },
      config: { rules: { 'acme/sloppy': 'warn', 'acme/not-array': 'warn' } },
    });
    const report = await engine.check(buildFacts());
    expect(report.findings.map((finding) => finding.message)).toEqual([
      expect.stringContaining('it reported a message it does not declare, "b"'),
      expect.stringContaining('its check did not return a list of reports'),
    ]);
    expect(report.ok).toBe(false);
  });
});

describe('createRuleEngine: facts are validated', () => {
  it('bad facts never pass: an InvalidFactsError lists each bad path', async () => {
    const facts = buildFacts();
    const bad = {
      ...facts,
      server: { ...facts.server, status: 42, disks: [{ id: 'd1', type: 'NVME' }] },
      target: { id: '' },
      confirmations: { h1Drivers: 'yes' },
    };
    const error = await createRuleEngine()
      .check(bad as never)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidFactsError);
    expect((error as InvalidFactsError).issues.map((issue) => issue.path).sort()).toEqual(
      ['confirmations.h1Drivers', 'server.disks.0.type', 'server.status', 'target.id'].sort(),
    );
    expect((error as Error).message).toMatch(/Nothing was checked/);
  });

  it('missing facts objects are named too', async () => {
    const error = (await createRuleEngine()
      .check({} as never)
      .catch((caught: unknown) => caught)) as InvalidFactsError;
    expect(error.issues.map((issue) => issue.path).sort()).toEqual(['server', 'target']);
  });
});

describe('formatMessage', () => {
  it('fills placeholders, with or without spaces, and leaves unknown ones', () => {
    expect(formatMessage('{{a}} and {{ b }} and {{c}}', { a: 1, b: 'two' })).toBe('1 and two and {{c}}');
    expect(formatMessage('{{a}}', undefined)).toBe('{{a}}');
    expect(formatMessage('{{toString}}', {})).toBe('{{toString}}');
  });
});
