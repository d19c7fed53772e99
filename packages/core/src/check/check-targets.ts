import * as v from 'valibot';
import type { EcsConnection } from '../connection/create-ecs-connection.js';
import { assembleFacts } from '../facts/assemble-facts.js';
import { _collectServerSources } from '../facts/collect-facts.js';
import { parseInput } from '../input/parse-input.js';
import { ServerIdSchema } from '../input/server-id-schema.js';
import type { PreflightReport } from '../preflight/preflight.js';
import { _checkFacts, CheckOptionsEntries, type CheckOptions, type CheckResult } from './check.js';

/** Options of `checkTargets`: those of `check`, and whether to weigh unlisted flavors too. */
export interface CheckTargetsOptions<TReport extends PreflightReport = PreflightReport> extends CheckOptions<TReport> {
  /**
   * Also check every flavor of the flavor list that `resize_flavors` does not offer for this
   * server, so that the answer says why not those either (usually `target-allowed`).
   * @default false
   */
  unlisted?: boolean | undefined;
}

/** One candidate flavor of `checkTargets`, with the facts and report of a resize to it. */
export interface TargetCheck<TReport extends PreflightReport = PreflightReport> extends CheckResult<TReport> {
  /** The flavor id. */
  flavorRef: string;
  /** Whether `resize_flavors` offers it for this server. */
  listed: boolean;
}

const InputSchema = v.object({
  serverId: ServerIdSchema,
  options: v.strictObject(
    { ...CheckOptionsEntries, unlisted: v.optional(v.boolean('must be a boolean'), false) },
    'must be { preflight, unlisted?, mode?, autoPay?, dedicatedHostId?, confirmations?, signal? }: check the option names',
  ),
});

/**
 * Which flavors can this server change to, and why not the others: every flavor
 * `resize_flavors` offers for it (and, with `unlisted`, every other flavor of the flavor
 * list), each with its facts and the preflight's report. The look-ups of `collectFacts` are
 * made once (5 or 6 requests, whatever the number of flavors); the rules run per flavor. The
 * server's own flavor is left out. Also `client.checkTargets`.
 *
 * @example
 * const targets = await checkTargets(ecs, serverId, { preflight: createRuleEngine(), mode: 'withStopServer' });
 * const possible = targets.filter((target) => target.report.ok).map((target) => target.flavorRef);
 * @throws {EcsInputError} Before any request, when an argument is invalid.
 */
export async function checkTargets<TReport extends PreflightReport>(
  ecs: EcsConnection,
  serverId: string,
  options: CheckTargetsOptions<TReport>,
): Promise<TargetCheck<TReport>[]> {
  const input = parseInput('checkTargets', '', InputSchema, { serverId, options });
  const { signal, unlisted, mode, autoPay, dedicatedHostId, confirmations } = input.options;
  const sources = await _collectServerSources(ecs, input.serverId, signal);
  const listed = new Set(sources.targets.map((flavor) => flavor.id));
  const others = unlisted ? sources.flavors.map((flavor) => flavor.id).filter((id) => !listed.has(id)) : [];
  const candidates = [...new Set([...listed, ...others])].filter((id) => id !== sources.server.flavor.id);
  const checks: TargetCheck<TReport>[] = [];
  for (const flavorRef of candidates) {
    signal?.throwIfAborted();
    const facts = assembleFacts({ ...sources, mode, autoPay, dedicatedHostId, confirmations, flavorRef });
    checks.push({ flavorRef, listed: listed.has(flavorRef), ...(await _checkFacts(options.preflight, facts)) });
  }
  return checks;
}
