import type { MessageTemplates, NoExtraData, RuleDefinition, TypedRuleReports } from './typed-reports.js';
import type { Rule, RuleMeta } from './types.js';

/** A rule as a {@link ruleCreator}'s function takes it: named, and documented without a URL. */
export interface NamedRuleDefinition<
  TOptions = undefined,
  TMessages extends MessageTemplates = MessageTemplates,
  TReports extends TypedRuleReports<TMessages> = TypedRuleReports<TMessages>,
> {
  /** The rule's name, e.g. `server-stopped`: its documentation URL is built from it. */
  name: string;
  meta: Omit<RuleDefinition<TOptions, TMessages>['meta'], 'docs'> & { docs: Omit<RuleMeta['docs'], 'url'> };
  check: RuleDefinition<TOptions, TMessages, TReports>['check'];
}

/**
 * The rule of a named definition, its `meta.docs.url` built from its name by `urlOf`.
 * @internal
 */
/*#__NO_SIDE_EFFECTS__*/
export function _namedRule<TOptions, TMessages extends MessageTemplates, TReports extends TypedRuleReports<TMessages>>(
  urlOf: (name: string) => string,
  { name, meta, check }: NamedRuleDefinition<TOptions, TMessages, TReports>,
): Rule<TOptions, keyof TMessages & string> {
  return { meta: { ...meta, docs: { ...meta.docs, url: urlOf(name) } }, check };
}

/**
 * Makes a `defineRule` for a set of rules documented in one place, as typescript-eslint's
 * `RuleCreator` does: each rule gives its `name`, and the creator builds `meta.docs.url` from
 * it, once. `messageId` and `data` are typed against `meta.messages`, as with `defineRule`.
 *
 * @example
 * const createRule = ruleCreator((name) => `https://example.com/rules/${name}.md`);
 * export const noDownsize = createRule({ name: 'no-downsize', meta: { ... }, check(facts) { ... } });
 */
/*#__NO_SIDE_EFFECTS__*/
export function ruleCreator(urlOf: (name: string) => string) {
  return <
    TOptions = undefined,
    const TMessages extends MessageTemplates = MessageTemplates,
    TReports extends TypedRuleReports<TMessages> = TypedRuleReports<TMessages>,
  >(
    definition: NamedRuleDefinition<TOptions, TMessages, TReports> & NoExtraData<TReports, TMessages>,
  ): Rule<TOptions, keyof TMessages & string> => _namedRule(urlOf, definition);
}
