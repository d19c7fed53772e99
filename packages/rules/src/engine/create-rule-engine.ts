import * as v from 'valibot';
import { recommended } from '../configs/recommended.js';
import { InvalidFactsError } from '../errors/InvalidFactsError.js';
import { ResizeFactsSchema, type ResizeFacts } from '../facts/facts-schema.js';
import { builtInRules } from '../rules/index.js';
import type { Finding, Plugin, Report, Rule, RuleConfig, RuleConfirmation, RuleContext, RuleReport } from '../types.js';
import { formatMessage } from './format-message.js';
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

/** Checks resize facts against the configured rules. */
export interface RuleEngine {
  /**
   * Validates the facts (an `InvalidFactsError` lists each bad path), runs every configured
   * rule and reports. A rule that throws becomes an error finding of its own.
   */
  check(facts: ResizeFacts): Promise<Report>;
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

/** Turns one rule's output into findings, refusing what the rule's meta does not declare. */
function findingsOf(active: ActiveRule, reports: unknown): Finding[] {
  if (!Array.isArray(reports)) return [brokenRuleFinding(active, 'check() did not return an array')];
  const { messages, docs } = active.rule.meta;
  return (reports as RuleReport[]).map((report) => {
    const template =
      typeof report?.messageId === 'string' && Object.hasOwn(messages, report.messageId) ? messages[report.messageId] : undefined;
    if (template === undefined)
      return brokenRuleFinding(active, `it reported the undeclared messageId ${JSON.stringify(report?.messageId)}`);
    return {
      ruleId: active.id,
      severity: severityOf(active, report),
      messageId: report.messageId,
      message: formatMessage(template, report.data),
      ...(report.data === undefined ? {} : { data: report.data }),
      docsUrl: docs.url,
      ...(report.unverified === true ? { unverified: true as const } : {}),
    };
  });
}

/** Runs one rule; synchronous rules stay synchronous (no promise per rule). */
function runRule(active: ActiveRule & { context: RuleContext }, facts: ResizeFacts): Finding[] | Promise<Finding[]> {
  try {
    const output = active.rule.check(facts, active.context);
    if (output instanceof Promise) {
      return output.then(
        (reports) => findingsOf(active, reports),
        (error: unknown) => [brokenRuleFinding(active, `it threw ${String(error)}`, error)],
      );
    }
    return findingsOf(active, output);
  } catch (error) {
    return [brokenRuleFinding(active, `it threw ${String(error)}`, error)];
  }
}

/** Validates facts, or throws an {@link InvalidFactsError} listing each bad path. */
function parseFacts(facts: unknown): ResizeFacts {
  const result = v.safeParse(ResizeFactsSchema, facts);
  if (result.success) return result.output;
  throw new InvalidFactsError(result.issues.map((issue) => ({ path: v.getDotPath(issue) ?? 'facts', message: issue.message })));
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
    async check(facts) {
      const parsed = parseFacts(facts);
      const results = active.map((rule) => runRule(rule, parsed));
      const settled = results.some((result) => result instanceof Promise) ? await Promise.all(results) : (results as Finding[][]);
      const findings: Finding[] = [];
      let errorCount = 0;
      for (const ruleFindings of settled) {
        for (const finding of ruleFindings) {
          findings.push(finding);
          if (finding.severity === 'error') errorCount += 1;
        }
      }
      return { ok: errorCount === 0, errorCount, warningCount: findings.length - errorCount, findings };
    },
  };
}
