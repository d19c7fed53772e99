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
  readonly signal?: AbortSignal | undefined;
}

/** Collects the facts of a resize from the API (`collectFacts`) and checks them with the rules. */
export async function runPreflight(
  client: EcsClient,
  engine: RuleEngine,
  serverId: string,
  flavorRef: string,
  { mode, confirmations, signal }: PreflightOptions,
): Promise<PreflightResult> {
  const facts = await client.collectFacts(serverId, flavorRef, { mode, confirmations, signal });
  return { serverId, flavorRef, facts, report: await engine.check(facts) };
}
