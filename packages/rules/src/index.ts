// The public API, listed name by name (no `export *`): what the CLI, the browser bundle and
// third-party tools use. The built-in rules are reached by id through `plugin.rules`, not by
// name; message formatting and the facts' sub-schemas stay internal.

// The engine: createRuleEngine and defineRule are contract names.
export {
  createRuleEngine,
  type EngineCheckOptions,
  type RuleEngine,
  type RuleEngineOptions,
} from './engine/create-rule-engine.js';
export { defineRule } from './define-rule.js';
// What defineRule takes: reports typed against meta.messages (message ids, and each one's {{placeholders}} as data).
export type { RuleDefinition } from './typed-reports.js';
// Makes a defineRule that builds each rule's docs URL from its name (typescript-eslint's RuleCreator).
export { ruleCreator, type NamedRuleDefinition } from './rule-creator.js';
// The confirmations of the active rules: what a CLI offers as --confirm and a form as checkboxes.
export { listConfirmations } from './engine/list-confirmations.js';
// How a plugin's rule reads the confirmation it declares (own keys only).
export { isConfirmed } from './facts/is-confirmed.js';

// The built-in rules: `recommended` and `configs` are contract names; `plugin` gives the rules
// by id (`plugin.rules['server-stopped']`) with their meta, as an ESLint plugin does.
export { recommended, configs } from './configs/recommended.js';
export { plugin } from './plugin.js';
export type { ResizableSourceOptions } from './rules/resizable-source.js';
export type { SameFamilyOptions } from './rules/same-family.js';

// The facts: the types are contract; the schema validates facts in tools of their own and is
// the source of facts.schema.json.
export { ResizeFactsSchema, type ResizeFacts, type FlavorFacts, type DiskFacts } from './facts/facts-schema.js';

// The errors a check or a config can throw.
export { RuleConfigError } from './errors/RuleConfigError.js';
export { InvalidFactsError, type FactsIssue } from './errors/InvalidFactsError.js';

export type {
  Finding,
  Plugin,
  Refusal,
  Report,
  Rule,
  RuleConfig,
  RuleConfirmation,
  RuleContext,
  RuleEntry,
  RuleMeta,
  RuleReport,
  Severity,
  SeverityOrOff,
} from './types.js';
