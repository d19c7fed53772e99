export { createRuleEngine, type RuleEngine, type RuleEngineOptions } from './engine/create-rule-engine.js';
export { formatMessage } from './engine/format-message.js';
export { listConfirmations } from './engine/list-confirmations.js';
export { isConfirmed } from './facts/is-confirmed.js';
export { defineRule } from './define-rule.js';
export { recommended, configs } from './configs/recommended.js';
export { plugin } from './plugin.js';
export * from './rules/index.js';
export { MAX_VBD_DISKS_FOR_KVM } from './rules/xen-vbd-limit.js';
export type { ResizableSourceOptions } from './rules/resizable-source.js';
export type { SameFamilyOptions } from './rules/same-family.js';
export {
  ResizeFactsSchema,
  FlavorFactsSchema,
  DiskFactsSchema,
  type ResizeFacts,
  type FlavorFacts,
  type DiskFacts,
} from './facts/facts-schema.js';
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
