import type { Rule } from './types.js';

/**
 * Declares a rule. It returns the rule unchanged: it exists for type inference (the options
 * type flows from `meta.schema` into `check`) and to mark where rules are defined.
 */
/*#__NO_SIDE_EFFECTS__*/
export function defineRule<TOptions = undefined>(rule: Rule<TOptions>): Rule<TOptions> {
  return rule;
}
