import { builtInRules } from '../rules/index.js';
import type { RuleConfig } from '../types.js';

/**
 * Every built-in rule whose `meta.docs.recommended` is true, at `error`. It is the engine's
 * default config; extend it with `{ rules: { ...recommended.rules, 'h1-drivers': 'warn' } }`.
 */
export const recommended: RuleConfig = {
  rules: Object.fromEntries(
    Object.entries(builtInRules)
      .filter(([, rule]) => rule.meta.docs.recommended)
      .map(([id]) => [id, 'error' as const]),
  ),
};

/** The shareable configs, as in an ESLint plugin. */
export const configs: Readonly<Record<'recommended', RuleConfig>> = { recommended };
