import type { Confirmations } from '@ecs-resize/core';
import { listConfirmations, plugin, recommended, type RuleConfirmation, type RuleEngine } from '@ecs-resize/rules';
import { UsageError } from '../errors/UsageError.js';

/** The confirmations the built-in rules declare (`meta.confirmation`), made once, for the help. */
let builtIn: readonly RuleConfirmation[] | undefined;

/**
 * The confirmations of the built-in rules, in rule order: `xen-to-kvm-drivers`, `h1-drivers`.
 * Read from the rules' meta in `recommended`'s order (the default engine's active rules),
 * without building an engine: the help texts ask for them at start-up.
 */
export function builtInConfirmations(): readonly RuleConfirmation[] {
  builtIn ??= listConfirmations({
    activeRules: Object.keys(recommended.rules).flatMap((id) => {
      const confirmation = plugin.rules[id]?.meta.confirmation;
      return confirmation === undefined ? [] : [{ id, severity: 'error' as const, confirmation }];
    }),
  });
  return builtIn;
}

/** The help's lines on `--confirm`: each built-in confirmation and what it attests, in the rule's words. */
export function confirmationHelp(): string {
  const lines = builtInConfirmations().map(({ name, label }) => `  ${name}: ${label}.`);
  return ['', 'What --confirm attests, for the rule that asks:', ...lines].join('\n');
}

/** The confirmation each of the engine's active rules takes (`meta.confirmation`), by rule id. */
export function confirmationsByRule(engine: Pick<RuleEngine, 'activeRules'>): ReadonlyMap<string, RuleConfirmation> {
  const byRule = new Map<string, RuleConfirmation>();
  for (const { id, confirmation } of engine.activeRules) if (confirmation !== undefined) byRule.set(id, confirmation);
  return byRule;
}

/**
 * The confirmations an engine accepts: those its active rules declare (a plugin's too), then
 * the built-in ones it turned off (`--force`), which still parse but change nothing.
 */
export function confirmationsOf(engine: Pick<RuleEngine, 'activeRules'>): readonly RuleConfirmation[] {
  const active = listConfirmations(engine);
  return [...active, ...builtInConfirmations().filter((known) => !active.some(({ key }) => key === known.key))];
}

/**
 * What the operator attests, from names such as `xen-to-kvm-drivers` and `h1-drivers`
 * (`--confirm xen-to-kvm-drivers,h1-drivers`, or a fleet file's `confirm` column): each name
 * is a rule's `meta.confirmation.name`, turned into its key.
 * @param where Where the names came from, for the message, e.g. `--confirm`.
 * @param offered The confirmations accepted (`confirmationsOf(engine)`).
 * @throws {UsageError} For an unknown name.
 */
export function confirmationsFrom(names: readonly string[], where: string, offered: readonly RuleConfirmation[]): Confirmations {
  const confirmations: Confirmations = {};
  for (const name of names) {
    const confirmation = offered.find((candidate) => candidate.name === name);
    if (confirmation === undefined) {
      const known = offered.map((candidate) => candidate.name).join(', ');
      throw new UsageError(`${where}: unknown confirmation "${name}"; use ${known}.`);
    }
    confirmations[confirmation.key] = true;
  }
  return confirmations;
}
