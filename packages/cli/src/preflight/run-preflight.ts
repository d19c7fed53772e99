import type { Confirmations, EcsClient } from '@ecs-resize/core';
import type { Report, ResizeFacts, RuleEngine } from '@ecs-resize/rules';

/** What a preflight found: the facts the rules saw, and their report. */
export interface PreflightResult {
  readonly serverId: string;
  readonly flavorRef: string;
  readonly facts: ResizeFacts;
  readonly report: Report;
}

/** What a preflight takes besides the server and flavor. */
export interface PreflightOptions {
  readonly mode?: 'withStopServer' | undefined;
  readonly confirmations?: Confirmations | undefined;
  /** The request's `autoPay`, which the rules check as the resize will send it. */
  readonly autoPay?: boolean | undefined;
  /** The request's `dedicatedHostId`, likewise. */
  readonly dedicatedHostId?: string | undefined;
  readonly signal?: AbortSignal | undefined;
}

/** Collects the facts of a resize from the API (`collectFacts`) and checks them with the rules. */
export async function runPreflight(
  client: EcsClient,
  engine: RuleEngine,
  serverId: string,
  flavorRef: string,
  { mode, confirmations, autoPay, dedicatedHostId, signal }: PreflightOptions,
): Promise<PreflightResult> {
  const facts = await client.collectFacts(serverId, flavorRef, { mode, confirmations, autoPay, dedicatedHostId, signal });
  return { serverId, flavorRef, facts, report: await engine.check(facts) };
}
