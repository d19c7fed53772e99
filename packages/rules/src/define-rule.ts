import type { Rule } from './types.js';

/**
 * Declares a rule. It returns the rule unchanged: it exists for type inference and to mark
 * where rules are defined. The options type flows from `meta.schema` into `check`, and the
 * message ids from `meta.messages` into what `check` may report, so that a misspelt
 * `messageId` does not compile (unless the type arguments are given by hand, which widens the
 * message ids to `string`).
 */
/*#__NO_SIDE_EFFECTS__*/
export function defineRule<TOptions = undefined, TMessageId extends string = string>(
  rule: Rule<TOptions, TMessageId>,
): Rule<TOptions, TMessageId> {
  return rule;
}
