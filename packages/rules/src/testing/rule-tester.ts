import { createRuleEngine } from '../engine/create-rule-engine.js';
import { PLACEHOLDER } from '../engine/format-message.js';
import type { ResizeFacts } from '../facts/facts-schema.js';
import type { Finding, Rule, Severity } from '../types.js';

/** A case the rule must pass: no finding. */
export interface ValidCase {
  /** The test's name. @default the index */
  name?: string;
  facts: ResizeFacts;
  /** The rule's options, checked against its schema. */
  options?: unknown;
}

/** What an invalid case expects, in order. Messages are never compared: message ids are. */
export interface ExpectedError {
  messageId: string;
  /** The data the finding must carry (only the keys given are compared). */
  data?: Readonly<Record<string, string | number>>;
  /**
   * The finding's severity with the rule at `error`: `warn` when it says what could not be
   * verified and the rule's `meta.refusal` is `at-once`. Compared when given.
   */
  severity?: Severity;
}

/** A case the rule must report. */
export interface InvalidCase extends ValidCase {
  errors: readonly ExpectedError[];
}

/** The test framework's `describe` and `it` (vitest, jest, mocha, node:test all fit). */
export interface TestFramework {
  describe(name: string, body: () => void): unknown;
  it(name: string, body: () => Promise<void>): unknown;
}

/** The id the rule under test gets in the engine. */
const RULE_ID = 'rule-tester/rule';

/** Fails a case with a message that says what was expected. */
function fail(problem: string): never {
  throw new Error(`RuleTester: ${problem}`);
}

/** Runs the rule alone on the facts, through the engine (facts and options are validated). */
async function findingsOf(rule: Rule<unknown>, testCase: ValidCase): Promise<Finding[]> {
  const entry = testCase.options === undefined ? 'error' : (['error', testCase.options] as const);
  const engine = createRuleEngine({ rules: { [RULE_ID]: rule }, config: { rules: { [RULE_ID]: entry } } });
  const { findings } = await engine.check(testCase.facts);
  const broken = findings.find((finding) => finding.messageId === 'ruleFailed');
  if (broken) throw broken.cause instanceof Error ? broken.cause : new Error(broken.message);
  for (const finding of findings) {
    const template = rule.meta.messages[finding.messageId] ?? '';
    for (const [, key] of template.matchAll(PLACEHOLDER)) {
      if (!Object.hasOwn(finding.data ?? {}, key!))
        fail(`message "${finding.messageId}" has the placeholder {{${key}}}, which its data does not fill`);
    }
  }
  return findings;
}

/** Checks that the findings are the expected errors, in order. */
function compare(findings: readonly Finding[], expected: readonly ExpectedError[]): void {
  const got = findings.map((finding) => finding.messageId).join(', ') || 'none';
  if (findings.length !== expected.length) fail(`expected ${expected.length} error(s), got ${findings.length}: ${got}`);
  expected.forEach((error, index) => {
    const finding = findings[index]!;
    if (finding.messageId !== error.messageId)
      fail(`error ${index}: expected messageId "${error.messageId}", got "${finding.messageId}"`);
    if (error.severity !== undefined && finding.severity !== error.severity)
      fail(`error ${index}: expected severity "${error.severity}", got "${finding.severity}"`);
    for (const [key, value] of Object.entries(error.data ?? {})) {
      if (finding.data?.[key] !== value)
        fail(`error ${index}: expected data.${key} = ${JSON.stringify(value)}, got ${JSON.stringify(finding.data?.[key])}`);
    }
  });
}

/**
 * Tests a rule with tables of valid and invalid cases, as ESLint's RuleTester does: each
 * case becomes a test of your framework. It fails a case that reports when it should not,
 * reports other message ids or data, leaves a placeholder unfilled, is declared twice, has
 * facts or options the schemas refuse, or (invalid) expects no error or an undeclared id.
 *
 * @example
 * import { describe, it } from 'vitest';
 * new RuleTester({ describe, it }).run('acme/no-downsize', noDownsize, { valid: [...], invalid: [...] });
 */
export class RuleTester {
  readonly #framework: TestFramework;

  /** @param framework `describe` and `it` of the test framework. @default the globals `describe` and `it` */
  constructor(framework?: TestFramework) {
    const globals = globalThis as Partial<TestFramework>;
    const chosen = framework ?? (globals.describe && globals.it ? { describe: globals.describe, it: globals.it } : undefined);
    this.#framework = chosen ?? fail('no test framework: pass { describe, it } to the constructor');
  }

  /** Registers one test per case under `describe(name)`. */
  run(name: string, rule: Rule<unknown>, tests: { valid: readonly ValidCase[]; invalid: readonly InvalidCase[] }): void {
    const { describe, it } = this.#framework;
    const seen = new Set<string>();
    const register = (kind: 'valid' | 'invalid', testCase: ValidCase, index: number, body: () => Promise<void>) => {
      const key = JSON.stringify([testCase.facts, testCase.options]);
      const duplicate = seen.has(key);
      seen.add(key);
      it(`${kind}: ${testCase.name ?? `#${index}`}`, async () => {
        if (duplicate) fail(`this ${kind} case repeats an earlier case's facts and options`);
        await body();
      });
    };
    describe(name, () => {
      tests.valid.forEach((testCase, index) =>
        register('valid', testCase, index, async () => compare(await findingsOf(rule, testCase), [])),
      );
      tests.invalid.forEach((testCase, index) =>
        register('invalid', testCase, index, async () => {
          if (testCase.errors.length === 0) fail('an invalid case must expect at least one error');
          for (const error of testCase.errors) {
            if (!Object.hasOwn(rule.meta.messages, error.messageId))
              fail(`messageId "${error.messageId}" is not in the rule's meta.messages`);
          }
          compare(await findingsOf(rule, testCase), testCase.errors);
        }),
      );
    });
  }
}
