import type { FleetApplyResult, FleetItemPlan, FleetJournalEntry, FleetPlan } from '@ecs-resize/fleet';
import { exitCodeOf } from '../errors/exit-code-of.js';
import type { Colors } from './colors.js';
import { cliMessageOf } from './cli-words.js';
import { errorToJson } from './format-error.js';
import { countOf } from '@ecs-resize/core';
import { fleetFileHintFor } from './rule-hints.js';
import { formatTable } from './table.js';
import { sanitizeTerminalText } from './terminal-text.js';

/** A plan status or journal state, padded to `width`, coloured by what it means. */
function styledState(state: string, colors: Colors, width = 0): string {
  const text = state.padEnd(width);
  if (state === 'ready' || state === 'succeeded') return colors.green(text);
  if (state === 'blocked') return colors.yellow(text);
  if (state === 'error' || state === 'failed') return colors.red(text);
  return colors.cyan(text);
}

/** What blocked an item (its error rule ids), or why it is an error. */
function detailsOf(plan: FleetItemPlan): string {
  if (plan.status === 'error') return sanitizeTerminalText(cliMessageOf(plan.error, {}));
  const errors = plan.report?.findings.filter((finding) => finding.severity === 'error') ?? [];
  return [...new Set(errors.map((finding) => finding.ruleId))].join(', ');
}

/** `5 ready, 6 blocked, 1 error` and the rules that blocked, most first. */
function formatPlanSummary({ summary }: FleetPlan, colors: Colors): string {
  const counts = `${countOf(summary.total, 'item')}: ${colors.green(`${summary.ready} ready`)}, ${summary.blocked} blocked, ${countOf(summary.errors, 'error')}`;
  const rules = Object.entries(summary.blockedByRule).sort(([, a], [, b]) => b - a);
  return rules.length === 0
    ? counts
    : `${counts}\nblocked by rule: ${rules.map(([ruleId, count]) => `${ruleId} ${count}`).join(', ')}`;
}

/**
 * What the fleet file can say to unblock items: one line per rule and hint
 * (`→ prepaid-auto-pay: set the item's autoPay …`), in the order first met.
 */
function formatFleetFileHints({ items }: FleetPlan, colors: Colors): string[] {
  const lines = new Set<string>();
  for (const finding of items.flatMap((itemPlan) => (itemPlan.status === 'blocked' ? (itemPlan.report?.findings ?? []) : []))) {
    const hint = finding.severity === 'error' ? fleetFileHintFor(finding) : undefined;
    if (hint !== undefined) lines.add(`→ ${finding.ruleId}: ${hint}`);
  }
  return [...lines].map((line) => colors.cyan(line));
}

/**
 * A fleet plan for people: one line per item (ready, blocked with the rule ids, or error with
 * its message), then the counts, the rules that blocked, and what the file can say to unblock.
 */
export function formatPlan(plan: FleetPlan, colors: Colors): string {
  const rows = plan.items.map((itemPlan) => [
    styledState(itemPlan.status, colors),
    sanitizeTerminalText(String(itemPlan.item?.serverId ?? '?')),
    sanitizeTerminalText(String(itemPlan.item?.flavorRef ?? '?')),
    detailsOf(itemPlan),
  ]);
  const table = rows.length === 0 ? 'No items.' : formatTable(['Status', 'Server', 'Flavor', 'Blocked by / error'], rows, colors);
  return [table, formatPlanSummary(plan, colors), ...formatFleetFileHints(plan, colors)].join('\n');
}

/** A plan for `--json`: as `planFleet` returned it, each error as `{ name, message, exitCode, ... }`. */
export function planToJson(plan: FleetPlan): unknown {
  return {
    ...plan,
    items: plan.items.map((itemPlan) =>
      itemPlan.error === undefined
        ? itemPlan
        : { ...itemPlan, error: errorToJson(itemPlan.error, exitCodeOf(itemPlan.error), {}) },
    ),
  };
}

/** One journal entry as a progress line: `submitted  <server>  → <flavor>  job <id>`. */
export function formatJournalEntry(entry: FleetJournalEntry, colors: Colors): string {
  const job = entry.jobId === undefined ? '' : `  job ${entry.jobId}`;
  const error = entry.error === undefined ? '' : `  ${entry.error}`;
  const text = sanitizeTerminalText(`${entry.serverId} → ${entry.flavorRef}${job}${error}`);
  return `${styledState(entry.state, colors, 'succeeded'.length)}  ${text}`;
}

/**
 * What `applyFleet` did: the counts, then the uncertain items (a resize that may or may not
 * have been sent) with what to do about them.
 */
export function formatApplyResult(result: FleetApplyResult, colors: Colors): string {
  const { succeeded, failed, blocked, errors, uncertain, skipped, pending } = result.summary;
  const lines = [
    `${colors.green(`${succeeded} succeeded`)}, ${failed} failed, ${blocked} blocked, ${countOf(errors, 'error')}, ${uncertain} uncertain, ${pending} pending (re-run to wait again), ${skipped} skipped (done before)`,
  ];
  const unsure = result.entries.filter((entry) => entry.state === 'sending');
  if (unsure.length > 0) {
    lines.push(
      colors.yellow(
        `${unsure.length} uncertain: the resize may or may not have been sent, so it is never sent again automatically.`,
      ),
      'Check each server (ecs-resize flavors <server>, or the console) and its jobs; then remove its lines from the journal to retry it:',
      ...unsure.map((entry) => `  ${sanitizeTerminalText(`${entry.serverId} → ${entry.flavorRef}`)}`),
    );
  }
  return lines.join('\n');
}
