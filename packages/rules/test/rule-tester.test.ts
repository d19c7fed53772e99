import * as v from 'valibot';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InvalidFactsError, RuleConfigError, defineRule } from '../src/index.js';
import { flavorChanges } from '../src/rules/flavor-changes.js';
import type { ResizeFacts, Rule } from '../src/index.js';
import { RuleTester, buildFacts, type InvalidCase, type TestFramework, type ValidCase } from '../src/testing/index.js';
import { disks } from './helpers.js';

/** A test the tester registered: its suite, its name and its body. */
interface RegisteredTest {
  suite: string | undefined;
  name: string;
  run: () => Promise<void>;
}

/**
 * Runs the tester with a fake test framework that only records what it registers, so each
 * body can be run here and its outcome asserted.
 */
function register(
  rule: Rule<unknown>,
  tests: { valid?: readonly ValidCase[]; invalid?: readonly InvalidCase[] },
): RegisteredTest[] {
  const registered: RegisteredTest[] = [];
  const suites: string[] = [];
  const framework: TestFramework = {
    describe(name, body) {
      suites.push(name);
      body();
      suites.pop();
    },
    it(name, body) {
      registered.push({ suite: suites.at(-1), name, run: body });
    },
  };
  new RuleTester(framework).run('test/rule', rule, { valid: tests.valid ?? [], invalid: tests.invalid ?? [] });
  return registered;
}

/** The one test a single-case table registers. */
function only(tests: RegisteredTest[]): RegisteredTest {
  expect(tests).toHaveLength(1);
  return tests[0]!;
}

/** Reports one `bigServer` finding when the server has more than `maxVcpus` vCPUs (an option). */
const maxVcpus = defineRule({
  meta: {
    type: 'suggestion',
    docs: { description: 'Test rule: a cap on vCPUs.', url: 'https://example.com/max-vcpus.md', recommended: false },
    messages: {
      bigServer: 'Server {{serverId}} has {{vcpus}} vCPUs, more than {{max}}. Pick a smaller flavor.',
      unknownVcpus: 'The vCPUs of {{serverId}} are unknown. Look them up.',
    },
    schema: v.strictObject({ max: v.pipe(v.number(), v.integer(), v.minValue(1)) }),
    defaultOptions: { max: 4 },
  },
  check({ server }, { options }) {
    const { vcpus } = server.flavor;
    if (vcpus === undefined) return [{ messageId: 'unknownVcpus', data: { serverId: server.id } }];
    return vcpus > options.max ? [{ messageId: 'bigServer', data: { serverId: server.id, vcpus, max: options.max } }] : [];
  },
});

/** Facts of a server with `vcpus` vCPUs. */
const withVcpus = (vcpus: number | undefined): ResizeFacts => buildFacts({ server: { flavor: { vcpus } } });

/** A rule that reports whatever it is given. */
const reporting = (
  reports: ReturnType<Rule['check']>,
  messages: Record<string, string> = { found: 'Found {{what}}. Do something.' },
): Rule =>
  defineRule<unknown>({
    meta: { type: 'problem', docs: { description: 'Test rule.', url: 'https://example.com/r.md', recommended: false }, messages },
    check: () => reports,
  });

describe('RuleTester passes', () => {
  it('a correct table, registering one test per case under describe(name)', async () => {
    const tests = register(maxVcpus, {
      valid: [
        { name: 'default max, 2 vCPUs', facts: withVcpus(2) },
        { name: 'default max, exactly 4', facts: withVcpus(4) },
        { name: 'max 8 as an option', facts: withVcpus(8), options: { max: 8 } },
      ],
      invalid: [
        { name: 'default max, 5 vCPUs', facts: withVcpus(5), errors: [{ messageId: 'bigServer', data: { vcpus: 5, max: 4 } }] },
        {
          name: 'max 1 as an option',
          facts: withVcpus(2),
          options: { max: 1 },
          errors: [{ messageId: 'bigServer', data: { max: 1 } }],
        },
        { name: 'no data compared', facts: withVcpus(undefined), errors: [{ messageId: 'unknownVcpus' }] },
      ],
    });
    expect(tests.map(({ suite, name }) => `${suite} > ${name}`)).toEqual([
      'test/rule > valid: default max, 2 vCPUs',
      'test/rule > valid: default max, exactly 4',
      'test/rule > valid: max 8 as an option',
      'test/rule > invalid: default max, 5 vCPUs',
      'test/rule > invalid: max 1 as an option',
      'test/rule > invalid: no data compared',
    ]);
    for (const test of tests) await expect(test.run(), test.name).resolves.toBeUndefined();
  });

  it('a case without a name, named by its index', async () => {
    const tests = register(flavorChanges, {
      valid: [{ facts: buildFacts() }],
      invalid: [{ facts: buildFacts({ target: { id: 's3.large.2' } }), errors: [{ messageId: 'sameFlavor' }] }],
    });
    expect(tests.map((test) => test.name)).toEqual(['valid: #0', 'invalid: #0']);
    for (const test of tests) await expect(test.run()).resolves.toBeUndefined();
  });

  it('several errors of an invalid case, in order', async () => {
    const rule = reporting([
      { messageId: 'found', data: { what: 'a' } },
      { messageId: 'found', data: { what: 'b' } },
    ]);
    const test = only(
      register(rule, {
        invalid: [
          {
            name: 'two',
            facts: buildFacts(),
            errors: [
              { messageId: 'found', data: { what: 'a' } },
              { messageId: 'found', data: { what: 'b' } },
            ],
          },
        ],
      }),
    );
    await expect(test.run()).resolves.toBeUndefined();
  });

  it('an async rule', async () => {
    const rule = reporting(Promise.resolve([{ messageId: 'found', data: { what: 'it' } }]));
    const test = only(
      register(rule, {
        invalid: [{ name: 'async', facts: buildFacts(), errors: [{ messageId: 'found', data: { what: 'it' } }] }],
      }),
    );
    await expect(test.run()).resolves.toBeUndefined();
  });
});

describe('RuleTester fails', () => {
  it('a valid case that reports', async () => {
    const test = only(register(maxVcpus, { valid: [{ name: 'too big', facts: withVcpus(16) }] }));
    await expect(test.run()).rejects.toThrow('expected 0 error(s), got 1: bigServer');
  });

  it('an invalid case that expects no error', async () => {
    const test = only(register(maxVcpus, { invalid: [{ name: 'empty', facts: withVcpus(16), errors: [] }] }));
    await expect(test.run()).rejects.toThrow('an invalid case must expect at least one error');
  });

  it('an invalid case whose rule reports nothing', async () => {
    const test = only(
      register(maxVcpus, { invalid: [{ name: 'small', facts: withVcpus(2), errors: [{ messageId: 'bigServer' }] }] }),
    );
    await expect(test.run()).rejects.toThrow('expected 1 error(s), got 0: none');
  });

  it('an invalid case that expects an undeclared messageId', async () => {
    const test = only(
      register(maxVcpus, { invalid: [{ name: 'typo', facts: withVcpus(16), errors: [{ messageId: 'bigSever' }] }] }),
    );
    await expect(test.run()).rejects.toThrow(`messageId "bigSever" is not in the rule's meta.messages`);
  });

  it('an invalid case that expects another declared messageId', async () => {
    const test = only(
      register(maxVcpus, { invalid: [{ name: 'wrong id', facts: withVcpus(16), errors: [{ messageId: 'unknownVcpus' }] }] }),
    );
    await expect(test.run()).rejects.toThrow('error 0: expected messageId "unknownVcpus", got "bigServer"');
  });

  it('an invalid case that expects other data', async () => {
    const test = only(
      register(maxVcpus, {
        invalid: [{ name: 'wrong data', facts: withVcpus(16), errors: [{ messageId: 'bigServer', data: { vcpus: 15 } }] }],
      }),
    );
    await expect(test.run()).rejects.toThrow('error 0: expected data.vcpus = 15, got 16');
  });

  it('an invalid case that expects data as a string where the rule gives a number', async () => {
    const test = only(
      register(maxVcpus, {
        invalid: [{ name: 'string data', facts: withVcpus(16), errors: [{ messageId: 'bigServer', data: { vcpus: '16' } }] }],
      }),
    );
    await expect(test.run()).rejects.toThrow('error 0: expected data.vcpus = "16", got 16');
  });

  it('an invalid case that expects a data key the rule does not give', async () => {
    const test = only(
      register(maxVcpus, {
        invalid: [
          { name: 'extra key', facts: withVcpus(16), errors: [{ messageId: 'bigServer', data: { flavor: 's3.large.2' } }] },
        ],
      }),
    );
    await expect(test.run()).rejects.toThrow('error 0: expected data.flavor = "s3.large.2", got undefined');
  });

  it('an invalid case that expects fewer errors than reported', async () => {
    const rule = reporting([
      { messageId: 'found', data: { what: 'a' } },
      { messageId: 'found', data: { what: 'b' } },
    ]);
    const test = only(
      register(rule, { invalid: [{ name: 'one of two', facts: buildFacts(), errors: [{ messageId: 'found' }] }] }),
    );
    await expect(test.run()).rejects.toThrow('expected 1 error(s), got 2: found, found');
  });

  it('an invalid case that expects more errors than reported', async () => {
    const test = only(
      register(maxVcpus, {
        invalid: [{ name: 'two of one', facts: withVcpus(16), errors: [{ messageId: 'bigServer' }, { messageId: 'bigServer' }] }],
      }),
    );
    await expect(test.run()).rejects.toThrow('expected 2 error(s), got 1: bigServer');
  });

  it('a case that repeats an earlier one, but not the earlier one', async () => {
    const tests = register(maxVcpus, {
      valid: [
        { name: 'first', facts: withVcpus(2) },
        { name: 'again', facts: withVcpus(2) },
        { name: 'same facts, other options', facts: withVcpus(2), options: { max: 2 } },
      ],
      invalid: [{ name: 'valid facts again', facts: withVcpus(2), errors: [{ messageId: 'bigServer' }] }],
    });
    const [first, again, otherOptions, invalidAgain] = tests;
    await expect(first!.run()).resolves.toBeUndefined();
    await expect(again!.run()).rejects.toThrow("this valid case repeats an earlier case's facts and options");
    await expect(otherOptions!.run()).resolves.toBeUndefined();
    await expect(invalidAgain!.run()).rejects.toThrow("this invalid case repeats an earlier case's facts and options");
  });

  it('a rule whose message leaves a placeholder unfilled', async () => {
    const noData = reporting([{ messageId: 'found' }]);
    const otherKey = reporting([{ messageId: 'found', data: { who: 'x' } }]);
    for (const rule of [noData, otherKey]) {
      const test = only(
        register(rule, { invalid: [{ name: 'unfilled', facts: buildFacts(), errors: [{ messageId: 'found' }] }] }),
      );
      await expect(test.run()).rejects.toThrow('message "found" has the placeholder {{what}}, which its data does not fill');
    }
  });

  it('a rule that reports an undeclared messageId', async () => {
    const test = only(register(reporting([{ messageId: 'other' }]), { valid: [{ name: 'undeclared', facts: buildFacts() }] }));
    await expect(test.run()).rejects.toThrow('it reported a message it does not declare, "other"');
  });

  it('a rule that throws, with the error it threw', async () => {
    const thrown = new TypeError('boom');
    const rule = defineRule<unknown>({
      meta: {
        type: 'problem',
        docs: { description: 'Test rule.', url: 'https://example.com/r.md', recommended: false },
        messages: { found: 'Found. Fix it.' },
      },
      check() {
        throw thrown;
      },
    });
    const tests = register(rule, {
      valid: [{ name: 'throws', facts: buildFacts() }],
      invalid: [{ name: 'throws too', facts: buildFacts({ mode: 'withStopServer' }), errors: [{ messageId: 'found' }] }],
    });
    for (const test of tests) await expect(test.run()).rejects.toBe(thrown);
  });

  it('an async rule that rejects, with the reason', async () => {
    const reason = new Error('async boom');
    const test = only(register(reporting(Promise.reject(reason)), { valid: [{ name: 'rejects', facts: buildFacts() }] }));
    await expect(test.run()).rejects.toBe(reason);
  });

  it('invalid facts', async () => {
    const facts = buildFacts({ server: { disks: [...disks(1), { id: 'nvme-1', type: 'NVME' as 'VBD' }] } });
    const tests = register(maxVcpus, {
      valid: [{ name: 'NVME disk', facts }],
      invalid: [{ name: 'NVME disk', facts: { ...facts, mode: 'withStopServer' }, errors: [{ messageId: 'bigServer' }] }],
    });
    for (const test of tests) {
      const error: unknown = await test.run().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InvalidFactsError);
      expect((error as InvalidFactsError).issues).toEqual([{ path: 'server.disks.1.type', message: 'must be "VBD" or "SCSI"' }]);
    }
  });

  it("options the rule's schema refuses", async () => {
    const tests = register(maxVcpus, {
      valid: [
        { name: 'max is a string', facts: withVcpus(2), options: { max: '8' } },
        { name: 'max is 0', facts: withVcpus(2), options: { max: 0 } },
        { name: 'an unknown option', facts: withVcpus(2), options: { max: 8, min: 1 } },
      ],
    });
    expect(tests).toHaveLength(3);
    for (const test of tests) {
      const error: unknown = await test.run().catch((caught: unknown) => caught);
      expect(error, test.name).toBeInstanceOf(RuleConfigError);
      expect((error as RuleConfigError).problems[0], test.name).toMatch(/^config\.rules\.rule-tester\/rule\.options/);
    }
  });

  it('options given to a rule that takes none', async () => {
    const test = only(register(flavorChanges, { valid: [{ name: 'options', facts: buildFacts(), options: { strict: true } }] }));
    await expect(test.run()).rejects.toThrow('the rule takes no options');
  });
});

describe('RuleTester construction', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('throws a clear error without a framework and without globals', () => {
    vi.stubGlobal('describe', undefined);
    vi.stubGlobal('it', undefined);
    expect(() => new RuleTester()).toThrow('RuleTester: no test framework: pass { describe, it } to the constructor');
  });

  it('throws when only one of the globals exists', () => {
    vi.stubGlobal('describe', () => undefined);
    vi.stubGlobal('it', undefined);
    expect(() => new RuleTester()).toThrow('no test framework');
  });

  it('uses the globals describe and it when they exist', () => {
    const names: string[] = [];
    vi.stubGlobal('describe', (name: string, body: () => void) => {
      names.push(name);
      body();
    });
    vi.stubGlobal('it', (name: string) => names.push(name));
    new RuleTester().run('global/rule', flavorChanges, { valid: [{ name: 'ok', facts: buildFacts() }], invalid: [] });
    expect(names).toEqual(['global/rule', 'valid: ok']);
  });
});
