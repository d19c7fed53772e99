import { RuleConfigError } from '../errors/RuleConfigError.js';
import type { Plugin, Rule } from '../types.js';

/** A built-in id: kebab-case. */
const BUILT_IN_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** A third-party id: `namespace/name`, the namespace an npm-like name, the name kebab-case. */
const NAMESPACED_ID = /^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*\/[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** What is wrong with a rule object, or undefined when it has the shape of a rule. */
function ruleShapeProblem(rule: unknown): string | undefined {
  const candidate = rule as Partial<Rule> | undefined;
  if (typeof candidate?.check !== 'function') return 'is not a rule: it has no check(facts, context) function';
  if (typeof candidate.meta?.messages !== 'object' || candidate.meta.messages === null)
    return 'is not a rule: it has no meta.messages';
  if (typeof candidate.meta.docs?.description !== 'string') return 'is not a rule: it has no meta.docs.description';
  if (Object.hasOwn(candidate.meta.messages, 'ruleFailed'))
    return 'declares the messageId "ruleFailed", which the engine keeps for rules that fail';
  return undefined;
}

/**
 * Every rule the engine knows, by id: the built-ins, then third-party rules given by id and
 * by plugin. Third-party ids must be namespaced (`acme/no-downsize`) and cannot replace a
 * built-in; all problems are thrown at once as a {@link RuleConfigError}.
 */
export function registerRules(
  builtIns: Readonly<Record<string, Rule<unknown>>>,
  extra: Readonly<Record<string, Rule<unknown>>> = {},
  plugins: readonly Plugin[] = [],
): Map<string, Rule<unknown>> {
  const known = new Map<string, Rule<unknown>>();
  const problems: string[] = [];
  const add = (id: string, rule: Rule<unknown>, where: string, namespaced: boolean) => {
    const shape = ruleShapeProblem(rule);
    if (!(namespaced ? NAMESPACED_ID : BUILT_IN_ID).test(id)) {
      problems.push(
        `${where}: "${id}" is not a valid id${namespaced ? ': third-party rules need a namespace, e.g. "acme/no-downsize"' : ''}`,
      );
    } else if (known.has(id)) {
      problems.push(`${where}: "${id}" is already defined`);
    } else if (shape !== undefined) {
      problems.push(`${where}: "${id}" ${shape}`);
    } else {
      known.set(id, rule);
    }
  };
  for (const [id, rule] of Object.entries(builtIns)) add(id, rule, 'built-in rules', false);
  for (const [id, rule] of Object.entries(extra)) add(id, rule, 'rules', true);
  for (const [index, plugin] of plugins.entries()) {
    const namespace = plugin?.meta?.namespace ?? plugin?.meta?.name;
    if (typeof namespace !== 'string' || typeof plugin.rules !== 'object' || plugin.rules === null) {
      problems.push(`plugins.${index}: a plugin is { meta: { name, namespace? }, rules, configs? }`);
      continue;
    }
    for (const [name, rule] of Object.entries(plugin.rules))
      add(`${namespace}/${name}`, rule, `plugins.${index} (${plugin.meta.name})`, true);
  }
  if (problems.length > 0) throw new RuleConfigError(problems);
  return known;
}
