import type { ResizeFacts } from './facts-schema.js';

/**
 * Whether the operator attested `key` (`facts.confirmations[key] === true`), for any key a
 * rule declares in `meta.confirmation`, a plugin's own included. Own keys only: `toString`
 * is never confirmed.
 */
export function isConfirmed(facts: Pick<ResizeFacts, 'confirmations'>, key: string): boolean {
  return Object.getOwnPropertyDescriptor(facts.confirmations ?? {}, key)?.value === true;
}
