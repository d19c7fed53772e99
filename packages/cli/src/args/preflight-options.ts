import type { Confirmations } from '@ecs-resize/core';
import type { RuleEngine } from '@ecs-resize/rules';
import { UsageError } from '../errors/UsageError.js';
import { builtInConfirmations, confirmationsFrom, confirmationsOf } from './confirmations.js';
import { parseMode, WITH_STOP_SERVER } from './mode.js';
import type { OptionSpecs } from './option-spec.js';
import type { OptionValues } from './option-values.js';

/** The flags that shape a preflight: `check` and `resize` share them. */
export const PREFLIGHT_OPTIONS = {
  mode: {
    type: 'string',
    value: WITH_STOP_SERVER,
    values: [WITH_STOP_SERVER],
    description: 'let the cloud stop a running server, resize it and start it again',
  },
  confirm: {
    type: 'string',
    value: '<list>',
    values: builtInConfirmations().map(({ name }) => name),
    description: `attest what the API cannot see, comma-separated: ${builtInConfirmations()
      .map(({ name }) => name)
      .join(', ')} (see above), or a plugin rule's`,
  },
  force: { type: 'string', value: '<rule-id,...>', description: 'turn these rules off (only these), e.g. server-stopped' },
  'auto-pay': {
    type: 'boolean',
    description: 'yearly/monthly server: resize through the v1.1 API and pay the order at once',
  },
  'no-auto-pay': {
    type: 'boolean',
    description: 'yearly/monthly server: resize through the v1.1 API, the order left to pay in the billing center',
  },
  'dedicated-host': {
    type: 'string',
    value: '<id>',
    description: 'server on a dedicated host (DeH): the host to resize on (v1.1 API)',
  },
} as const satisfies OptionSpecs;

/** The preflight settings from the flags. */
export interface PreflightSettings {
  readonly mode: 'withStopServer' | undefined;
  readonly confirmations: Confirmations;
  /** `--auto-pay` (true), `--no-auto-pay` (false), else undefined (the v1 API). */
  readonly autoPay: boolean | undefined;
  /** `--dedicated-host`. */
  readonly dedicatedHostId: string | undefined;
}

/**
 * `--auto-pay` or `--no-auto-pay`: true, false, or undefined when neither is given.
 * @throws {UsageError} When both are given.
 */
function autoPayFrom(options: OptionValues): boolean | undefined {
  const [pay, noPay] = [options.flag('auto-pay'), options.flag('no-auto-pay')];
  if (pay && noPay) throw new UsageError('--auto-pay and --no-auto-pay do not go together: pick one.');
  return pay ? true : noPay ? false : undefined;
}

/**
 * `--mode`, `--confirm`, `--auto-pay`/`--no-auto-pay` and `--dedicated-host`, checked
 * (`--force` is read by the rule engine; the host id is checked by the client, like every id).
 * The preflight sees what the resize will send.
 * `--confirm` takes the confirmations the engine's rules declare (`meta.confirmation`).
 * @throws {UsageError} For a bad mode, an unknown confirmation, or both auto-pay flags.
 */
export function preflightSettingsFrom(options: OptionValues, engine: Pick<RuleEngine, 'activeRules'>): PreflightSettings {
  return {
    mode: parseMode(options.string('mode')),
    confirmations: confirmationsFrom(options.list('confirm'), '--confirm', confirmationsOf(engine)),
    autoPay: autoPayFrom(options),
    dedicatedHostId: options.string('dedicated-host'),
  };
}
