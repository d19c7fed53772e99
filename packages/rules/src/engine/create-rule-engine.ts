import * as v from 'valibot';
import { recommended } from '../configs/recommended.js';
import { InvalidFactsError } from '../errors/InvalidFactsError.js';
import { ResizeFactsSchema, type ResizeFacts } from '../facts/facts-schema.js';
import { builtInRules } from '../rules/index.js';
import type { Finding, Plugin, Report, Rule, RuleConfig, RuleConfirmation, RuleContext, RuleReport } from '../types.js';
import { findingOf } from './finding-of.js';
import { resolveConfig, type ActiveRule } from './resolve-config.js';
import { registerRules } from './rule-registry.js';

/** Options of {@link createRuleEngine}. */
export interface RuleEngineOptions {
  /** Third-party rules by namespaced id, e.g. `{ 'acme/no-downsize': rule }`. */
  rules?: Readonly<Record<string, Rule<unknown>>> | undefined;
  /** Third-party plugins; their rules get ids `namespace/name`. */
  plugins?: readonly Plugin[] | undefined;
  /**
   * Which rules run, at which severity. A rule not listed is off, as in ESLint: extend
   * `recommended.rules` to keep the built-ins on.
   * @default recommended (every built-in at `error`)
   */
  config?: RuleConfig | undefined;
}

/** Options of one {@link RuleEngine.check}. */
export interface EngineCheckOptions {
  /**
   * The caller vouches that the facts are valid `ResizeFacts`, typed by construction (e.g.
   * built by `collectFacts` of `@ecs-resize/core`, which passes this): the engine skips their
   * validation. Never set it for facts parsed from JSON, read from a file or given by a user:
   * wrong facts then give wrong verdicts instead of an `InvalidFactsError`.
   * @default false
   */
  trusted?: boolean | undefined;
}

/** Checks resize facts against the configured rules. */
export interface RuleEngine {
  /**
   * Validates the facts (an `InvalidFactsError` lists each bad path) unless the caller says
   * they are trusted, runs every configured rule and reports. A rule that throws becomes an
   * error finding of its own. Each finding's `message` is formatted when it is read.
   */
  check(facts: ResizeFacts, options?: EngineCheckOptions): Promise<Report>;
  /** The rules that run, in order: id, severity, and the confirmation each accepts, if any. */
  readonly activeRules: ReadonlyArray<{ id: string; severity: Finding['severity']; confirmation?: RuleConfirmation }>;
}

/** The finding of a rule that threw, or returned something that is not a list of reports. */
function brokenRuleFinding(active: ActiveRule, problem: string, cause?: unknown): Finding {
  return {
    ruleId: active.id,
    severity: 'error',
    messageId: 'ruleFailed',
    message: `Rule ${active.id} failed: ${problem}. The resize was not checked by it; fix the rule or turn it off.`,
    docsUrl: active.rule.meta.docs.url,
    ...(cause === undefined ? {} : { cause }),
  };
}

/**
 * The severity of a finding: the configured one, except that what could not be verified is
 * only a warning when the cloud would refuse the resize at once (nothing would happen).
 */
function severityOf(active: ActiveRule, report: RuleReport): Finding['severity'] {
  return report.unverified === true && active.rule.meta.refusal === 'at-once' ? 'warn' : active.severity;
}

/** What a rule threw, or its promise rejected with: kept apart from what it returned. */
class RuleThrew {
  /** @param error What the rule threw. */
  constructor(readonly error: unknown) {}
}

/** Runs one rule; synchronous rules stay synchronous (no promise per rule). */
function runRule(active: ActiveRule & { context: RuleContext }, facts: ResizeFacts): unknown {
  try {
    const output = active.rule.check(facts, active.context);
    // Most rules return an array: the cheapest test first.
    if (Array.isArray(output) || !(output instanceof Promise)) return output;
    return output.catch((error: unknown) => new RuleThrew(error));
  } catch (error) {
    return new RuleThrew(error);
  }
}

/** Adds one rule's findings to `findings`, refusing what the rule's meta does not declare. */
function addFindings(findings: Finding[], active: ActiveRule, output: unknown): void {
  if (Array.isArray(output) && output.length === 0) return;
  if (output instanceof RuleThrew) {
    findings.push(brokenRuleFinding(active, `it threw ${String(output.error)}`, output.error));
    return;
  }
  if (!Array.isArray(output)) {
    findings.push(brokenRuleFinding(active, 'its check did not return a list of reports'));
    return;
  }
  const { messages, docs } = active.rule.meta;
  for (const report of output as RuleReport[]) {
    const template =
      typeof report?.messageId === 'string' && Object.hasOwn(messages, report.messageId) ? messages[report.messageId] : undefined;
    findings.push(
      template === undefined
        ? brokenRuleFinding(active, `it reported a message it does not declare, ${JSON.stringify(report?.messageId)}`)
        : findingOf(active.id, severityOf(active, report), report, template, docs.url),
    );
  }
}

/**
 * What is wrong at an issue's path, in plain words: a required field that is absent (valibot's
 * issue on the object's key) "is missing"; any other issue keeps the schema's message.
 */
function messageOfIssue(issue: v.BaseIssue<unknown>): string {
  return issue.path?.at(-1)?.origin === 'key' ? 'is missing' : issue.message;
}

/** Validates facts, or throws an {@link InvalidFactsError} listing each bad path. */
function parseFacts(facts: unknown): ResizeFacts {
  const result = v.safeParse(ResizeFactsSchema, facts);
  if (result.success) return result.output;
  throw new InvalidFactsError(
    result.issues.map((issue) => ({ path: v.getDotPath(issue) ?? 'facts', message: messageOfIssue(issue) })),
  );
}

/**
 * Creates a rule engine: the built-in rules plus any third-party ones, configured once
 * (a bad config throws a `RuleConfigError` listing every problem), then `check(facts)` as
 * often as needed.
 *
 * @example
 * const engine = createRuleEngine({ config: { rules: { ...recommended.rules, 'h1-drivers': 'warn' } } });
 * const report = await engine.check(facts);
 * if (!report.ok) console.log(report.findings.map((finding) => finding.message));
 */
export function createRuleEngine(options: RuleEngineOptions = {}): RuleEngine {
  const known = registerRules(builtInRules, options.rules, options.plugins);
  // Each rule's context is made once: rules must not change it.
  const active = resolveConfig(options.config ?? recommended, known).map((rule) => ({
    ...rule,
    context: Object.freeze({ id: rule.id, options: rule.options }),
  }));
  return {
    activeRules: active.map(({ id, severity, rule: { meta } }) => ({
      id,
      severity,
      ...(meta.confirmation === undefined ? {} : { confirmation: meta.confirmation }),
    })),
    async check(facts, options) {
      const checked = options?.trusted === true ? facts : parseFacts(facts);
      const outputs: unknown[] = [];
      let waiting = false;
      for (const rule of active) {
        const output = runRule(rule, checked);
        if (!Array.isArray(output) && output instanceof Promise) waiting = true;
        outputs.push(output);
      }
      const settled = waiting ? await Promise.all(outputs) : outputs;
      const findings: Finding[] = [];
      for (let index = 0; index < active.length; index += 1) addFindings(findings, active[index]!, settled[index]);
      let errorCount = 0;
      for (const finding of findings) if (finding.severity === 'error') errorCount += 1;
      return { ok: errorCount === 0, errorCount, warningCount: findings.length - errorCount, findings };
    },
  };
}
