import { configs } from './configs/recommended.js';
import { builtInRules } from './rules/index.js';
import type { Plugin } from './types.js';

/**
 * The built-in rules as a plugin object, shaped like an ESLint plugin (`meta`, `rules`,
 * `configs`), for tools that load rules as plugins.
 */
export const plugin: Plugin = {
  meta: { name: '@ecs-resize/rules', version: '0.1.0' },
  rules: builtInRules,
  configs,
};
