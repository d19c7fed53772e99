import type { RuleConfirmation } from '../types.js';
import type { RuleEngine } from './create-rule-engine.js';

/**
 * The confirmations the engine's active rules accept (`meta.confirmation`), in rule order,
 * each key once: what a CLI offers as `--confirm <name>` and a form as checkboxes.
 *
 * @example
 * listConfirmations(createRuleEngine()).map((confirmation) => confirmation.name);
 * // ['xen-to-kvm-drivers', 'h1-drivers']
 */
export function listConfirmations(engine: Pick<RuleEngine, 'activeRules'>): RuleConfirmation[] {
  const byKey = new Map<string, RuleConfirmation>();
  for (const { confirmation } of engine.activeRules) {
    if (confirmation !== undefined && !byKey.has(confirmation.key)) byKey.set(confirmation.key, confirmation);
  }
  return [...byKey.values()];
}
