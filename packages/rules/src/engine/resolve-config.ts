import * as v from 'valibot';
import { RuleConfigError } from '../errors/RuleConfigError.js';
import type { Rule, RuleConfig, Severity } from '../types.js';

/** A rule that runs: its id, its rule, its severity and its validated options. */
export interface ActiveRule {
  id: string;
  rule: Rule<unknown>;
  severity: Severity;
  options: unknown;
}

const SeveritySchema = v.picklist(['off', 'warn', 'error'], 'must be "off", "warn" or "error"');

/** A config's shape: its entries are checked one by one, so that every problem is listed. */
const ConfigSchema = v.strictObject(
  { rules: v.record(v.string(), v.unknown()) },
  'must be { rules: { [ruleId]: severity | [severity, options] } }',
);

/** One rule's entry: a severity, or `[severity]`, or `[severity, options]`. */
const EntrySchema = v.union(
  [SeveritySchema, v.strictTuple([SeveritySchema, v.unknown()]), v.strictTuple([SeveritySchema])],
  'must be a severity ("off", "warn", "error") or [severity, options]',
);

/** One problem per valibot issue, as `config.path: message`. */
function issuesToProblems(issues: readonly v.BaseIssue<unknown>[], root: string): string[] {
  return issues.map((issue) => `${[root, v.getDotPath(issue)].filter(Boolean).join('.')}: ${issue.message}`);
}

/**
 * Checks a config against the known rules and returns the rules that run, in config order.
 * Every problem (unknown id, bad severity, options refused by the rule's schema) is collected
 * and thrown at once as a {@link RuleConfigError}.
 */
export function resolveConfig(config: RuleConfig, known: ReadonlyMap<string, Rule<unknown>>): ActiveRule[] {
  const parsed = v.safeParse(ConfigSchema, config);
  if (!parsed.success) throw new RuleConfigError(issuesToProblems(parsed.issues, 'config'));
  const problems: string[] = [];
  const active: ActiveRule[] = [];
  for (const [id, raw] of Object.entries(parsed.output.rules)) {
    const rule = known.get(id);
    const entry = v.safeParse(EntrySchema, raw);
    if (rule === undefined)
      problems.push(`config.rules.${id}: unknown rule; the known rules are ${[...known.keys()].join(', ')}`);
    if (!entry.success) problems.push(...issuesToProblems(entry.issues, `config.rules.${id}`));
    if (rule === undefined || !entry.success) continue;
    const [severity, ...rest] = typeof entry.output === 'string' ? [entry.output] : entry.output;
    if (severity === 'off') continue;
    let options = rule.meta.defaultOptions;
    if (rest.length > 0) {
      if (rule.meta.schema === undefined) {
        problems.push(`config.rules.${id}: the rule takes no options`);
        continue;
      }
      const result = v.safeParse(rule.meta.schema, rest[0]);
      if (!result.success) {
        problems.push(...issuesToProblems(result.issues, `config.rules.${id}.options`));
        continue;
      }
      options = result.output;
    }
    active.push({ id, rule, severity, options });
  }
  if (problems.length > 0) throw new RuleConfigError(problems);
  return active;
}
