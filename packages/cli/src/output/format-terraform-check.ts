import { countOf } from '@ecs-resize/core';
import type { Finding } from '@ecs-resize/rules';
import type { ProviderRequest } from '../terraform/provider-models.js';
import type { PlanNote } from '../terraform/find-flavor-changes.js';
import type { ResizeVerdict } from '../terraform/check-flavor-changes.js';
import { exitCodeOf } from '../errors/exit-code-of.js';
import type { Colors } from './colors.js';
import { cliMessageOf } from './cli-words.js';
import { errorToJson, type ErrorJson } from './format-error.js';
import { formatFinding } from './format-report.js';
import { confirmHintFor } from './rule-hints.js';
import { sanitizeTerminalText } from './terminal-text.js';

/** The check of a plan: a verdict per resize, the notes, and how many changes were not resizes. */
export interface TerraformCheck {
  readonly verdicts: readonly ResizeVerdict[];
  readonly notes: readonly PlanNote[];
  readonly skipped: number;
}

/** One resize in the `--json` document. */
export type TerraformResourceJson = {
  readonly address: string;
  readonly type: string;
  readonly serverId: string;
  readonly from: string;
  readonly to: string;
  /** What the provider will send, as the rules saw it. */
  readonly request: ProviderRequest;
} & (
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
  /** How many resource changes are not resizes. */
  readonly skipped: number;
  readonly summary: { readonly checked: number; readonly ok: number; readonly blocked: number; readonly errors: number };
}

/** How many verdicts are `verdict`. */
const countOfVerdict = (verdicts: readonly ResizeVerdict[], verdict: ResizeVerdict['verdict']) =>
  verdicts.filter((entry) => entry.verdict === verdict).length;

/** One resize for people: the verdict, address, server and flavors, then its findings or its error. */
function formatVerdict(entry: ResizeVerdict, colors: Colors): string {
  const { address, serverId, from, to } = entry.change;
  const head = `${colors.bold(sanitizeTerminalText(address))}  server ${serverId}  ${sanitizeTerminalText(from)} → ${sanitizeTerminalText(to)}`;
  if (entry.verdict === 'error')
    return [`${colors.red('! error  ')} ${head}`, `  could not check: ${sanitizeTerminalText(cliMessageOf(entry.error))}`].join(
      '\n',
    );
  const mark = entry.verdict === 'ok' ? colors.green('✔ ok     ') : colors.red(colors.bold('✖ blocked'));
  return [
    `${mark} ${head}`,
    ...entry.result.report.findings.map((finding) =>
      formatFinding(finding, colors, confirmHintFor, entry.result.confirmationByRule.get(finding.ruleId)),
    ),
  ].join('\n');
}

/** The last line of a plan that resizes nothing: what else it changes, if anything. */
const noResizes = (skipped: number) =>
  skipped === 0
    ? 'No flavor change to check: the plan changes no resource.'
    : `No flavor change to check; ${countOf(skipped, 'resource change')} skipped.`;

/**
 * The check of a plan for people: one line per resize (verdict, address, server, flavors) with
 * its findings as `check` prints them, the notes, then the counts.
 */
export function formatTerraformCheck({ verdicts, notes, skipped }: TerraformCheck, colors: Colors): string {
  const counts = [
    `${countOf(verdicts.length, 'resize')} checked: ${countOfVerdict(verdicts, 'ok')} ok`,
    `${countOfVerdict(verdicts, 'blocked')} blocked`,
    `${countOf(countOfVerdict(verdicts, 'error'), 'error')}; ${countOf(skipped, 'other resource change')} skipped.`,
  ].join(', ');
  return [
    ...verdicts.map((entry) => formatVerdict(entry, colors)),
    ...notes.map(({ address, note }) => `${colors.yellow('note')}  ${sanitizeTerminalText(`${address}: ${note}`)}`),
    verdicts.length > 0 ? counts : noResizes(skipped),
  ].join('\n');
}

/** The check of a plan as the `--json` document. */
export function terraformCheckToJson({ verdicts, notes, skipped }: TerraformCheck): TerraformCheckJson {
  const resources = verdicts.map(({ change, ...entry }): TerraformResourceJson => {
    const { address, type, serverId, from, to, request } = change;
    const base = { address, type, serverId, from, to, request };
    return entry.verdict === 'error'
      ? { ...base, verdict: 'error', error: errorToJson(entry.error, exitCodeOf(entry.error)) }
      : { ...base, verdict: entry.verdict, findings: entry.result.report.findings };
  });
  return {
    ok: verdicts.every((entry) => entry.verdict === 'ok'),
    resources,
    notes,
    skipped,
    summary: {
      checked: verdicts.length,
      ok: countOfVerdict(verdicts, 'ok'),
      blocked: countOfVerdict(verdicts, 'blocked'),
      errors: countOfVerdict(verdicts, 'error'),
    },
  };
}
