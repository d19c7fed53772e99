import type { Rule, RuleMeta } from './types.js';

/** A rule as a {@link ruleCreator}'s function takes it: named, and documented without a URL. */
export interface NamedRuleDefinition<TOptions = undefined, TMessageId extends string = string> {
  /** The rule's name, e.g. `server-stopped`: its documentation URL is built from it. */
  name: string;
  meta: Omit<RuleMeta<TOptions, TMessageId>, 'docs'> & { docs: Omit<RuleMeta['docs'], 'url'> };
  check: Rule<TOptions, TMessageId>['check'];
}

/**
 * The rule of a named definition, its `meta.docs.url` built from its name by `urlOf`.
 * @internal
 */
/*#__NO_SIDE_EFFECTS__*/
export function _namedRule<TOptions, TMessageId extends string>(
  urlOf: (name: string) => string,
  { name, meta, check }: NamedRuleDefinition<TOptions, TMessageId>,
): Rule<TOptions, TMessageId> {
  return { meta: { ...meta, docs: { ...meta.docs, url: urlOf(name) } }, check };
}

/**
 * Makes a `defineRule` for a set of rules documented in one place, as typescript-eslint's
 * `RuleCreator` does: each rule gives its `name`, and the creator builds `meta.docs.url` from
 * it, once. `messageId` is typed against `meta.messages`, as with `defineRule`.
 *
 * @example
 * const createRule = ruleCreator((name) => `https://example.com/rules/${name}.md`);
 * export const noDownsize = createRule({ name: 'no-downsize', meta: { ... }, check(facts) { ... } });
 */
/*#__NO_SIDE_EFFECTS__*/
export function ruleCreator(urlOf: (name: string) => string) {
  return <TOptions = undefined, TMessageId extends string = string>(
    definition: NamedRuleDefinition<TOptions, TMessageId>,
  ): Rule<TOptions, TMessageId> => _namedRule(urlOf, definition);
}
