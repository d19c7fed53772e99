import type { Confirmations } from '@ecs-resize/core';
import { UsageError } from '../errors/UsageError.js';

/** The confirmation names (the ids of the rules that ask for them), to the facts' keys. */
const CONFIRMATION_KEYS: Readonly<Record<string, keyof Confirmations>> = {
  'xen-to-kvm-drivers': 'xenToKvmDrivers',
  'h1-drivers': 'h1Drivers',
};

/** The names accepted, for messages and the help. */
export const CONFIRMATION_NAMES = Object.keys(CONFIRMATION_KEYS);

/**
 * What the operator attests, from names such as `xen-to-kvm-drivers` and `h1-drivers`
 * (`--confirm xen-to-kvm-drivers,h1-drivers`, or a fleet file's `confirm` column).
 * @param where Where the names came from, for the message, e.g. `--confirm`.
 * @throws {UsageError} For an unknown name.
 */
export function confirmationsFrom(names: readonly string[], where: string): Confirmations {
  const confirmations: Confirmations = {};
  for (const name of names) {
    const key = CONFIRMATION_KEYS[name];
    if (key === undefined)
      throw new UsageError(`${where}: unknown confirmation "${name}"; use ${CONFIRMATION_NAMES.join(', ')}.`);
    confirmations[key] = true;
  }
  return confirmations;
}
