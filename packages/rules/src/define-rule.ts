import type { MessageTemplates, NoExtraData, RuleDefinition, TypedRuleReports } from './typed-reports.js';
import type { Rule } from './types.js';

/**
 * Declares a rule. It returns the rule unchanged: it exists for type inference and to mark
 * where rules are defined. The options type flows from `meta.schema` into `check`, and the
 * messages from `meta.messages` into what `check` may report: a misspelt `messageId`, or data
 * that misses one of its message's `{{placeholders}}` or has a key none of them names, does not
 * compile (unless the type arguments are given by hand, which widens the message ids to
 * `string` and the data to any strings and numbers).
 */
/*#__NO_SIDE_EFFECTS__*/
export function defineRule<
  TOptions = undefined,
  const TMessages extends MessageTemplates = MessageTemplates,
  TReports extends TypedRuleReports<TMessages> = TypedRuleReports<TMessages>,
>(
  rule: RuleDefinition<TOptions, TMessages, TReports> & NoExtraData<TReports, TMessages>,
): Rule<TOptions, keyof TMessages & string> {
  return rule;
}
