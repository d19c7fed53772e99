import { checkCommand } from './check.js';
import type { Command } from './command.js';
import { createCompletionCommand } from './completion.js';
import { configCommand } from './config.js';
import { emulatorCommand } from './emulator.js';
import { flavorsCommand } from './flavors.js';
import { fleetApplyCommand } from './fleet-apply.js';
import { fleetPlanCommand } from './fleet-plan.js';
import { jobCommand } from './job.js';
import { resizeCommand } from './resize.js';
import { serversCommand } from './servers.js';

/** Every command of `ecs-resize`, in the order the help lists them. */
export const COMMANDS: readonly Command[] = [
  serversCommand,
  checkCommand,
  resizeCommand,
  flavorsCommand,
  jobCommand,
  fleetPlanCommand,
  fleetApplyCommand,
  configCommand,
  emulatorCommand,
  createCompletionCommand(() => COMMANDS),
];
