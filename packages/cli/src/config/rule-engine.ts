import { createRuleEngine, recommended, RuleConfigError, type RuleEngine } from '@ecs-resize/rules';
import { UsageError } from '../errors/UsageError.js';
import type { RulesConfigFile } from './rules-config-file.js';

/**
 * The rule engine for a command: `recommended` (every built-in rule at `error`), then the
 * config file's entries over it, then `off` for each rule in `force` (`--force`), and the
 * file's plugins.
 * @throws {UsageError} When the engine refuses the config (unknown rule id, bad severity or
 * options, a bad plugin), listing each problem.
 */
export function createConfiguredEngine(file: RulesConfigFile, force: readonly string[]): RuleEngine {
  const rules = { ...recommended.rules, ...file.rules, ...Object.fromEntries(force.map((id) => [id, 'off' as const])) };
  try {
    return createRuleEngine({ plugins: file.plugins, config: { rules } });
  } catch (error) {
    if (!(error instanceof RuleConfigError)) throw error;
    const sources = [file.path, force.length > 0 ? '--force' : undefined].filter(Boolean).join(' and ');
    const list = error.problems.map((problem) => `\n  - ${problem}`).join('');
    throw new UsageError(`Invalid rule configuration${sources ? ` (from ${sources})` : ''}:${list}`, { cause: error });
  }
}
