import type { RuleConfig } from '../types.js';

/**
 * Every built-in rule whose `meta.docs.recommended` is true, at `error` (a test checks that
 * this list and the rules' flags agree). It is the engine's default config; extend it with
 * `{ rules: { ...recommended.rules, 'h1-drivers': 'warn' } }`. A literal, so that a bundle
 * that does not use it drops it and the rules with it.
 */
export const recommended: RuleConfig = {
  rules: {
    'server-stopped': 'error',
    'flavor-changes': 'error',
    'target-allowed': 'error',
    'target-on-sale': 'error',
    'no-kvm-to-xen': 'error',
    'xen-vbd-limit': 'error',
    'xen-to-kvm-drivers': 'error',
    'h1-drivers': 'error',
    'no-frozen-server': 'error',
    'no-locked-server': 'error',
    'no-spot-server': 'error',
    'no-expanding-disk': 'error',
    'prepaid-auto-pay': 'error',
    'nic-limit': 'error',
    'resizable-source': 'error',
    'same-family': 'error',
    'same-architecture': 'error',
    'dedicated-host': 'error',
  },
};

/** The shareable configs, as in an ESLint plugin. */
export const configs: Readonly<Record<'recommended', RuleConfig>> = { recommended };
