import type { Confirmations } from '@ecs-resize/core';
import { CONFIRMATION_NAMES, confirmationsFrom } from './confirmations.js';
import { parseMode, WITH_STOP_SERVER } from './mode.js';
import type { OptionSpecs } from './option-spec.js';
import type { OptionValues } from './option-values.js';

/** The flags that shape a preflight: `check` and `resize` share them. */
export const PREFLIGHT_OPTIONS = {
  mode: {
    type: 'string',
    value: WITH_STOP_SERVER,
    description: 'let the cloud stop a running server, resize it and start it again',
  },
  confirm: {
    type: 'string',
    value: '<list>',
    description: `attest what the API cannot see, comma-separated: ${CONFIRMATION_NAMES.join(', ')} (guest drivers installed)`,
  },
  force: { type: 'string', value: '<rule-id,...>', description: 'turn these rules off (only these), e.g. server-stopped' },
} as const satisfies OptionSpecs;

/** The preflight settings from the flags. */
export interface PreflightSettings {
  readonly mode: 'withStopServer' | undefined;
  readonly confirmations: Confirmations;
}

/**
 * `--mode` and `--confirm`, checked (`--force` is read by the rule engine).
 * @throws {UsageError} For a bad mode or an unknown confirmation.
 */
export function preflightSettingsFrom(options: OptionValues): PreflightSettings {
  return { mode: parseMode(options.string('mode')), confirmations: confirmationsFrom(options.list('confirm'), '--confirm') };
}
