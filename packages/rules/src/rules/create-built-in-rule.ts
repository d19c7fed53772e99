import { _namedRule, type NamedRuleDefinition } from '../rule-creator.js';
import type { MessageTemplates, NoExtraData, TypedRuleReports } from '../typed-reports.js';
import type { Rule } from '../types.js';

/**
 * Where the built-in rules' documentation lives: `packages/rules/docs/rules/<id>.md` of the
 * ecs-resize repository, also shipped in the package under `docs/rules/`.
 */
const DOCS_BASE_URL = 'https://github.com/ecs-resize/ecs-resize/blob/main/packages/rules/docs/rules/';

/**
 * Defines a built-in rule, as a `ruleCreator` would: its `name` is its id, and its docs URL is
 * built from it. A function declaration, not `ruleCreator(...)`'s result, so that bundlers
 * know a call has no side effects and drop the rules a bundle does not use.
 */
/*#__NO_SIDE_EFFECTS__*/
export function createBuiltInRule<
  TOptions = undefined,
  const TMessages extends MessageTemplates = MessageTemplates,
  TReports extends TypedRuleReports<TMessages> = TypedRuleReports<TMessages>,
>(
  definition: NamedRuleDefinition<TOptions, TMessages, TReports> & NoExtraData<TReports, TMessages>,
): Rule<TOptions, keyof TMessages & string> {
  return _namedRule((name) => `${DOCS_BASE_URL}${name}.md`, definition);
}
