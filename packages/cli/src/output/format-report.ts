import type { Finding, RuleConfirmation } from '@ecs-resize/rules';
import type { PreflightResult } from '../preflight/run-preflight.js';
import type { Colors } from './colors.js';
import { countOf } from '@ecs-resize/core';
import { formatFlavor } from './format-flavor.js';
import { cliHintFor } from './rule-hints.js';
import { sanitizeTerminalText } from './terminal-text.js';

/** The verdict line: ready, ready with warnings, or blocked. */
function verdict({ report }: PreflightResult, colors: Colors): string {
  if (!report.ok)
    return colors.red(
      colors.bold(`✖ blocked: ${countOf(report.errorCount, 'error')}, ${countOf(report.warningCount, 'warning')}`),
    );
  if (report.warningCount > 0) return colors.yellow(`✔ ready, with ${countOf(report.warningCount, 'warning')}`);
  return colors.green('✔ ready: every rule passed');
}

/**
 * One finding: severity, rule id, message, and what answers it (`hintFor`: by default the
 * flag of `check`/`resize`; `confirmation`: the `meta.confirmation` of its rule, if any).
 */
export function formatFinding(finding: Finding, colors: Colors, hintFor = cliHintFor, confirmation?: RuleConfirmation): string {
  const severity = finding.severity === 'error' ? colors.red('error') : colors.yellow('warn ');
  const hint = hintFor(finding, confirmation);
  return [
    `  ${severity}  ${colors.bold(sanitizeTerminalText(finding.ruleId))}  ${sanitizeTerminalText(finding.message)}`,
    ...(hint === undefined ? [] : [`         ${colors.cyan(`→ ${hint}`)}`]),
  ].join('\n');
}

/**
 * A preflight for people: the server and both flavors, the verdict, then each finding with
 * its rule id and, where a flag answers it, the flag (`hintFor`: by default the flags of
 * `check`/`resize`).
 *
 * ```
 * server 6f1b…0007  ACTIVE
 *   from s3.large.2 (KVM, 2 vCPUs, 4 GiB)
 *   to   s3.xlarge.2 (KVM, 4 vCPUs, 8 GiB)
 * ✖ blocked: 1 error, 0 warnings
 *   error  server-stopped  Server … is ACTIVE; it must be stopped …
 *          → or add --mode withStopServer
 * ```
 */
export function formatPreflight(result: PreflightResult, colors: Colors, hintFor = cliHintFor): string {
  const { server, target } = result.facts;
  return [
    `server ${colors.bold(sanitizeTerminalText(server.id))}  ${sanitizeTerminalText(server.status)}`,
    `  from ${formatFlavor(server.flavor)}`,
    `  to   ${formatFlavor(target)}`,
    verdict(result, colors),
    ...result.report.findings.map((finding) =>
      formatFinding(finding, colors, hintFor, result.confirmationByRule.get(finding.ruleId)),
    ),
  ].join('\n');
}

/** A preflight for `--json`: the ids, the verdict, the report and the facts the rules saw. */
export function preflightToJson(result: PreflightResult): Record<string, unknown> {
  return {
    serverId: result.serverId,
    flavorRef: result.flavorRef,
    ok: result.report.ok,
    report: result.report,
    facts: result.facts,
  };
}
