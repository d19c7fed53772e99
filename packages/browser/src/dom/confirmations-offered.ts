import type { Preflight } from '@ecs-resize/core';
import { listConfirmations, type RuleEngine } from '@ecs-resize/rules';

/** A confirmation the engine's rules accept, and the rules that ask for it. */
export interface OfferedConfirmation {
  /** The key in `confirmations`, e.g. `xenToKvmDrivers`. */
  key: string;
  /** What the operator attests, in the rule's words. */
  label: string;
  /** The ids of the active rules that declare it. */
  ruleIds: ReadonlySet<string>;
}

/**
 * The confirmations the engine's active rules declare (`meta.confirmation`, a plugin's too),
 * in the rules' words; none for a preflight that is not a rule engine.
 */
export function confirmationsOffered(engine: Preflight): OfferedConfirmation[] {
  const { activeRules } = engine as Partial<Pick<RuleEngine, 'activeRules'>>;
  if (!activeRules) return [];
  return listConfirmations({ activeRules }).map(({ key, label }) => ({
    key,
    label,
    ruleIds: new Set(activeRules.filter((rule) => rule.confirmation?.key === key).map((rule) => rule.id)),
  }));
}
