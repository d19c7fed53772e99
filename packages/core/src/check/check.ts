import type { ResizeFacts } from '@ecs-resize/rules';
import * as v from 'valibot';
import type { EcsConnection } from '../connection/create-ecs-connection.js';
import { _collectFacts, FactsOptionsEntries, type CollectFactsOptions } from '../facts/collect-facts.js';
import { IdSchema } from '../input/id-schema.js';
import { parseInput } from '../input/parse-input.js';
import { ServerIdSchema } from '../input/server-id-schema.js';
import { PreflightError } from '../errors/PreflightError.js';
import { PreflightSchema, type Preflight, type PreflightFinding, type PreflightReport } from '../preflight/preflight.js';

/** Options of `check`: the preflight, and what the resize will send and the operator attests. */
export interface CheckOptions<TReport extends PreflightReport = PreflightReport> extends CollectFactsOptions {
  /** The checks, e.g. `createRuleEngine()` from `@ecs-resize/rules`. */
  preflight: Preflight<TReport>;
}

/** What a check found: the facts the preflight saw, and its report. */
export interface CheckResult<TReport extends PreflightReport = PreflightReport> {
  /** The facts of the resize, as `collectFacts` builds them. */
  facts: ResizeFacts;
  /** The preflight's report; `ok` false means the resize would be refused. */
  report: TReport;
}

/** The option entries of a check: the facts' options and the preflight. */
export const CheckOptionsEntries = { ...FactsOptionsEntries, preflight: PreflightSchema };

const InputSchema = v.object({
  serverId: ServerIdSchema,
  flavorRef: IdSchema,
  options: v.strictObject(
    CheckOptionsEntries,
    'must be { preflight, mode?, autoPay?, dedicatedHostId?, confirmations?, signal? }: check the option names',
  ),
});

/**
 * Runs the preflight on facts already built: the half of a check that one server (`check`)
 * and a fleet (`planFleet`, from shared look-ups) share.
 * @internal
 */
export async function _checkFacts<TReport extends PreflightReport>(
  preflight: Preflight<TReport>,
  facts: ResizeFacts,
): Promise<CheckResult<TReport>> {
  // Facts built by collectFacts (or from the same look-ups) are valid by construction.
  return { facts, report: await preflight.check(facts, { trusted: true }) };
}

/**
 * {@link check} of input already validated (`resize` imports it when given a preflight).
 * @internal
 */
export async function _check<TReport extends PreflightReport>(
  ecs: EcsConnection,
  serverId: string,
  flavorRef: string,
  { preflight, ...options }: CheckOptions<TReport>,
): Promise<CheckResult<TReport>> {
  return _checkFacts(preflight, await _collectFacts(ecs, serverId, flavorRef, options));
}

/**
 * Checks a resize without sending it: collects its facts from the API (`collectFacts`) and
 * runs the preflight on them. The one check path: `resize({ preflight })`, fleet planning and
 * applying, the CLI and the browser package's element all check through it. Pass the `mode`, `autoPay`
 * and `dedicatedHostId` the resize will send, so that the rules see the same request.
 * Also `client.check`.
 *
 * @example
 * const { report } = await check(ecs, serverId, 's3.xlarge.2', { preflight: createRuleEngine() });
 * if (!report.ok) console.log(report.findings);
 * @throws {EcsInputError} Before any request, when an argument is invalid.
 */
export async function check<TReport extends PreflightReport>(
  ecs: EcsConnection,
  serverId: string,
  flavorRef: string,
  options: CheckOptions<TReport>,
): Promise<CheckResult<TReport>> {
  const input = parseInput('check', '', InputSchema, { serverId, flavorRef, options });
  return _check(ecs, input.serverId, input.flavorRef, { ...input.options, preflight: options.preflight });
}

/**
 * The preflight of a resize: checks it, throws `PreflightError` when the report has errors
 * (nothing is sent), else returns the warnings. `resize` imports it only when given a
 * preflight, so that a page that resizes without one bundles none of the look-ups.
 * @internal
 */
export async function _preflightResize(
  ecs: EcsConnection,
  serverId: string,
  flavorRef: string,
  options: CheckOptions,
): Promise<PreflightFinding[]> {
  const { report } = await _check(ecs, serverId, flavorRef, options);
  if (!report.ok) throw new PreflightError(serverId, flavorRef, report, ecs.transport.secrets());
  return report.findings.filter((finding) => finding.severity === 'warn');
}
