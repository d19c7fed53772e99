import type { ResizeFacts } from '../facts/facts-schema.js';

/**
 * Whether the facts say the target flavor does not exist (`target.exists: false`). Then
 * `target-allowed` says so, once, and the rules that need the target's details stay silent:
 * there is nothing of it to check.
 */
export function isTargetMissing({ target }: Pick<ResizeFacts, 'target'>): boolean {
  return target.exists === false;
}
