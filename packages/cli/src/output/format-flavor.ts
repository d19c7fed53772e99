import type { FlavorFacts } from '@ecs-resize/rules';
import { sanitizeTerminalText } from './terminal-text.js';

/** Virtualization as people write it. */
const VIRTUALIZATION_NAMES = { xen: 'Xen', kvm: 'KVM' } as const;

/** A size in MiB as GiB: `4 GiB`, `1.5 GiB`. */
export function formatRam(ramMiB: number | undefined): string {
  return ramMiB === undefined ? '? GiB' : `${Number((ramMiB / 1024).toFixed(2))} GiB`;
}

/** `Xen`, `KVM`, or `?` when unknown. */
export function formatVirtualization(virtualization: FlavorFacts['virtualization']): string {
  return virtualization === undefined ? '?' : VIRTUALIZATION_NAMES[virtualization];
}

/**
 * A flavor in one phrase: `s3.large.2 (KVM, 2 vCPUs, 4 GiB)`; unknown parts are `?`; a flavor
 * the facts say does not exist is `nosuch.flavor (no such flavor)`.
 */
export function formatFlavor(flavor: FlavorFacts): string {
  if (flavor.exists === false) return `${sanitizeTerminalText(flavor.id)} (no such flavor)`;
  const vcpus = flavor.vcpus === undefined ? '? vCPUs' : `${flavor.vcpus} vCPU${flavor.vcpus === 1 ? '' : 's'}`;
  return `${sanitizeTerminalText(flavor.id)} (${formatVirtualization(flavor.virtualization)}, ${vcpus}, ${formatRam(flavor.ramMiB)})`;
}
