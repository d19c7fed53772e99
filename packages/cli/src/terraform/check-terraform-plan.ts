import type { Confirmations } from '@ecs-resize/core';
import type { CommandContext } from '../commands/command.js';
import { exitCodeOf } from '../errors/exit-code-of.js';
import { ExitCode } from '../exit-codes.js';
import { formatTerraformCheck, terraformCheckToJson } from '../output/format-terraform-check.js';
import { checkFlavorChanges, type ResizeVerdict } from './check-flavor-changes.js';
import { findFlavorChanges } from './find-flavor-changes.js';
import { planNameOf, readPlanFile } from './read-plan-file.js';

/**
 * The exit code of a plan's check, as `fleet plan` decides it: the first server that could not
 * be checked gives its error's code (3 when the API failed: the check itself did not run, which
 * a pipeline should tell from a rule that blocks), else 1 when a resize is blocked, else 0.
 */
function exitCodeOfVerdicts(verdicts: readonly ResizeVerdict[]): number {
  const failed = verdicts.find((entry) => entry.verdict === 'error');
  if (failed !== undefined) return exitCodeOf(failed.error);
  return verdicts.some((entry) => entry.verdict === 'blocked') ? ExitCode.blocked : ExitCode.ok;
}

/**
 * `ecs-resize check --terraform <plan.json>`: reads the plan, finds its resizes, checks each
 * against the live API as its provider will send it, and prints a verdict per resource. A plan
 * without resizes needs no credentials.
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
  const verdicts = resizes.length === 0 ? [] : await checkFlavorChanges(client(), rules, resizes, { confirmations, signal });
  const check = { verdicts, notes, skipped };
  if (terminal.json) terminal.printJson(terraformCheckToJson(check));
  else terminal.print(formatTerraformCheck(check, terminal.colors));
  return exitCodeOfVerdicts(verdicts);
}
