import { countOf } from '@ecs-resize/core';
import type { Finding, RuleConfirmation } from '@ecs-resize/rules';
import type { FlavorChange, PlanNote } from '../terraform/find-flavor-changes.js';
import type { PlanCheckStop, PlanChecks, ResizeVerdict } from '../terraform/check-flavor-changes.js';
import type { Colors } from './colors.js';
import type { ErrorJson } from './format-error.js';
import { formatFinding } from './format-report.js';
import { confirmHintFor } from './rule-hints.js';
import { sanitizeTerminalText } from './terminal-text.js';

/** The check of a plan: a verdict per resize (unless the run stopped), the notes, and how many changes were not resizes. */
export interface TerraformCheck extends PlanChecks {
  readonly notes: readonly PlanNote[];
  readonly skipped: number;
}

/** One resize in the `--json` document. */
export type TerraformResourceJson = FlavorChange &
  (
    | { readonly verdict: 'ok' | 'blocked'; readonly findings: readonly Finding[] }
    | { readonly verdict: 'error'; readonly error: ErrorJson }
  );

/** The `--json` document of `check --terraform`. */
export interface TerraformCheckJson {
  /** True when every resize may go ahead (none blocked, none unchecked). */
  readonly ok: boolean;
  readonly resources: readonly TerraformResourceJson[];
  /** Servers replaced, or whose new flavor is known only at apply: not checked. */
  readonly notes: readonly PlanNote[];
  /** How many resource changes are neither resizes nor noted. */
  readonly skipped: number;
  readonly summary: { readonly checked: number; readonly ok: number; readonly blocked: number; readonly errors: number };
  /** Present when a failure every resize would meet stopped the run: `resources` holds only those checked. */
  readonly stopped?: { readonly reason: ErrorJson; readonly unchecked: number };
}

/** How many verdicts are `verdict`. */
const countOfVerdict = (verdicts: readonly ResizeVerdict[], verdict: ResizeVerdict['verdict']) =>
  verdicts.filter((entry) => entry.verdict === verdict).length;

/**
 * One resize for people: the verdict, address, server and flavors, then its findings or its error.
 * @param confirmationByRule The confirmation each active rule takes (`confirmationsByRule` of the
 * engine, made once per run): what a finding's `--confirm` hint names.
 */
export function formatResizeVerdict(
  entry: ResizeVerdict,
  colors: Colors,
  confirmationByRule: ReadonlyMap<string, RuleConfirmation>,
): string {
  const { address, serverId, from, to } = entry.change;
  const head = `${colors.bold(sanitizeTerminalText(address))}  server ${serverId}  ${sanitizeTerminalText(from)} → ${sanitizeTerminalText(to)}`;
  if (entry.verdict === 'error')
    return [`${colors.red('! error  ')} ${head}`, `  could not check: ${sanitizeTerminalText(entry.error.message)}`].join('\n');
  const mark = entry.verdict === 'ok' ? colors.green('✔ ok     ') : colors.red(colors.bold('✖ blocked'));
  return [
    `${mark} ${head}`,
    ...entry.findings.map((finding) => formatFinding(finding, colors, confirmHintFor, confirmationByRule.get(finding.ruleId))),
  ].join('\n');
}

/** The last line of a plan that resizes nothing: what else it changes, if anything (the notes say the rest). */
function noResizes(skipped: number, noted: number): string {
  if (skipped > 0) return `No flavor change to check; ${countOf(skipped, 'resource change')} skipped.`;
  return noted === 0 ? 'No flavor change to check: the plan changes no resource.' : 'No flavor change to check.';
}

/**
 * What follows the verdicts of a plan's check, for people (`formatResizeVerdict` prints each
 * verdict as it comes): the notes, then the counts; nothing more when a stopped run checked
 * nothing (`formatPlanCheckStop` says why). Empty when there is nothing to say.
 */
export function formatTerraformCheckEnd({ verdicts, notes, skipped, stopped }: TerraformCheck, colors: Colors): string {
  const counts = [
    `${countOf(verdicts.length, 'resize')} checked: ${countOfVerdict(verdicts, 'ok')} ok`,
    `${countOfVerdict(verdicts, 'blocked')} blocked`,
    `${countOf(countOfVerdict(verdicts, 'error'), 'error')}; ${countOf(skipped, 'other resource change')} skipped.`,
  ].join(', ');
  const last = verdicts.length > 0 ? [counts] : stopped === undefined ? [noResizes(skipped, notes.length)] : [];
  return [
    ...notes.map(({ address, note }) => `${colors.yellow('note')}  ${sanitizeTerminalText(`${address}: ${note}`)}`),
    ...last,
  ].join('\n');
}

/**
 * The one line of a run stopped by a failure every resize would meet (for stderr): the
 * failure, then how many resizes were not checked.
 * @param checked How many resizes have a verdict.
 */
export function formatPlanCheckStop({ reason, unchecked }: PlanCheckStop, checked: number, colors: Colors): string {
  const total = checked + unchecked;
  return (
    `${colors.red('error:')} ${sanitizeTerminalText(reason.message)} ` +
    `Stopped: every resize would fail the same way; ${unchecked} of ${countOf(total, 'resize')} not checked.`
  );
}

/** The check of a plan as the `--json` document. */
export function terraformCheckToJson({ verdicts, notes, skipped, stopped }: TerraformCheck): TerraformCheckJson {
  const resources = verdicts.map(({ change, ...entry }): TerraformResourceJson => ({ ...change, ...entry }));
  return {
    ok: stopped === undefined && verdicts.every((entry) => entry.verdict === 'ok'),
    resources,
    notes,
    skipped,
    summary: {
      checked: verdicts.length,
      ok: countOfVerdict(verdicts, 'ok'),
      blocked: countOfVerdict(verdicts, 'blocked'),
      errors: countOfVerdict(verdicts, 'error'),
    },
    ...(stopped === undefined ? {} : { stopped }),
  };
}
