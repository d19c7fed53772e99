import type { FleetPlan } from '@ecs-resize/fleet';
import { exitCodeOf } from '../errors/exit-code-of.js';
import { ExitCode } from '../exit-codes.js';

/**
 * The exit code a plan calls for: its first error item's (2 for an invalid item, 3 for a
 * failed look-up), else 1 when an item is blocked, else 0.
 */
export function planExitCode(plan: FleetPlan): number {
  const error = plan.items.find((itemPlan) => itemPlan.status === 'error');
  if (error !== undefined) return exitCodeOf(error.error);
  return plan.summary.blocked > 0 ? ExitCode.blocked : ExitCode.ok;
}
