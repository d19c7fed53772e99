import type { Confirmations } from '@ecs-resize/core';
import { confirmationsByRule } from '../args/confirmations.js';
import type { CommandContext } from '../commands/command.js';
import { ExitCode } from '../exit-codes.js';
import {
  formatPlanCheckStop,
  formatResizeVerdict,
  formatTerraformCheckEnd,
  terraformCheckToJson,
} from '../output/format-terraform-check.js';
import { checkFlavorChanges, type PlanChecks, type ResizeVerdict } from './check-flavor-changes.js';
import { findFlavorChanges } from './find-flavor-changes.js';
import { planNameOf, readPlanFile } from './read-plan-file.js';

/**
 * The exit code of a plan's check, as `fleet plan` decides it: a stopped run, or else the first
 * server that could not be checked, gives its error's code (3 when the API failed: the check
 * itself did not run, which a pipeline should tell from a rule that blocks), else 1 when a
 * resize is blocked, else 0.
 */
function exitCodeOfChecks({ verdicts, stopped }: PlanChecks): number {
  if (stopped !== undefined) return stopped.reason.exitCode;
  const failed = verdicts.find((entry) => entry.verdict === 'error');
  if (failed !== undefined) return failed.error.exitCode;
  return verdicts.some((entry) => entry.verdict === 'blocked') ? ExitCode.blocked : ExitCode.ok;
}

/**
 * `ecs-resize check --terraform <plan.json>`: reads the plan, finds its resizes, checks each
 * against the live API as its provider will send it, and prints a verdict per resource, in plan
 * order as soon as it is known (`--json`: one document at the end). A failure every resize
 * would meet stops the run with one line on stderr. A plan without resizes needs no credentials.
 * @param confirmations What the operator attests (`--confirm`), for every resize.
 */
export async function checkTerraformPlan(
  { io, terminal, signal, client, engine }: CommandContext,
  source: string,
  confirmations: Confirmations,
): Promise<number> {
  const rules = await engine();
  const plan = await readPlanFile(source, io);
  const { resizes, notes, skipped } = findFlavorChanges(plan, planNameOf(source));
  const confirmationByRule = confirmationsByRule(rules);
  const onVerdict = terminal.json
    ? undefined
    : (verdict: ResizeVerdict) => terminal.print(formatResizeVerdict(verdict, terminal.colors, confirmationByRule));
  const checks: PlanChecks =
    resizes.length === 0
      ? { verdicts: [] }
      : await checkFlavorChanges(await client(), rules, resizes, { confirmations, signal, onVerdict });
  const check = { ...checks, notes, skipped };
  if (terminal.json) terminal.printJson(terraformCheckToJson(check));
  else {
    const end = formatTerraformCheckEnd(check, terminal.colors);
    if (end !== '') terminal.print(end);
  }
  if (checks.stopped !== undefined)
    terminal.printError(formatPlanCheckStop(checks.stopped, checks.verdicts.length, terminal.errorColors));
  return exitCodeOfChecks(checks);
}
