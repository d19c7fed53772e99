import { check, type Confirmations, type EcsConnection } from '@ecs-resize/core';
import type { Report, ResizeFacts, RuleConfirmation, RuleEngine } from '@ecs-resize/rules';
import { confirmationsByRule } from '../args/confirmations.js';

/** What a preflight found: the facts the rules saw, and their report. */
export interface PreflightResult {
  readonly serverId: string;
  readonly flavorRef: string;
  readonly facts: ResizeFacts;
  readonly report: Report;
  /** The confirmation each active rule takes, by rule id: what its findings' `--confirm` hint names. */
  readonly confirmationByRule: ReadonlyMap<string, RuleConfirmation>;
}

/** What a preflight takes besides the server and flavor. */
export interface PreflightOptions {
  readonly mode?: 'withStopServer' | undefined;
  /** What the operator attests (`--confirm`). */
  readonly confirmations?: Confirmations | undefined;
  /** The request's `autoPay`, which the rules check as the resize will send it. */
  readonly autoPay?: boolean | undefined;
  /** The request's `dedicatedHostId`, likewise. */
  readonly dedicatedHostId?: string | undefined;
  readonly signal?: AbortSignal | undefined;
}

/** Checks a resize with the rules through core's `check`: the facts from the API, then the report. */
export async function runPreflight(
  ecs: EcsConnection,
  engine: RuleEngine,
  serverId: string,
  flavorRef: string,
  options: PreflightOptions,
): Promise<PreflightResult> {
  const { facts, report } = await check(ecs, serverId, flavorRef, { ...options, preflight: engine });
  return { serverId, flavorRef, facts, report, confirmationByRule: confirmationsByRule(engine) };
}
