import { planFleet } from '@ecs-resize/fleet';
import { FLEET_OPTIONS, fleetInputOf } from '../fleet/fleet-input.js';
import { planExitCode } from '../fleet/plan-exit-code.js';
import { MAX_FLEET_BYTES, MAX_FLEET_ITEMS } from '../fleet/read-fleet-file.js';
import { formatPlan, planToJson } from '../output/format-fleet.js';
import type { Command } from './command.js';

/** `ecs-resize fleet plan <file>`: the preflight of every item of a fleet file. */
export const fleetPlanCommand: Command = {
  name: 'fleet plan',
  summary: 'run the preflight rules on every resize of a fleet file (JSON or CSV); nothing is changed',
  args: ['file'],
  options: FLEET_OPTIONS,
  description: [
    'Reads the items of <file> (- for the standard input: JSON when it starts with [, else',
    `CSV; at most ${MAX_FLEET_BYTES / 2 ** 20} MiB and ${MAX_FLEET_ITEMS.toLocaleString('en')} items): a JSON array of { serverId, flavorRef,`,
    'confirmations?, mode?, autoPay?, dedicatedHostId? }, or a CSV file with the header',
    'serverId,flavorRef[,confirm][,mode][,auto-pay][,dedicated-host] (confirm as',
    'xen-to-kvm-drivers;h1-drivers, auto-pay as true or false: a yearly/monthly server needs it,',
    'a server on a dedicated host its host id).',
    'Collects the facts with shared look-ups and prints one line per item (ready, blocked with the',
    'rule ids, or error), the counts, and the field of the file that unblocks an item.',
    'Exit code 0 when every item is ready, 1 when one is blocked; for an item in error, its',
    "error's: 2 for an invalid item, 3 for a failed look-up (e.g. an unknown server).",
  ].join('\n'),
  examples: ['ecs-resize fleet plan fleet.csv', 'ecs-resize fleet plan fleet.json --json > plan.json'],
  async run(context) {
    const { terminal, signal, client, engine } = context;
    const { items, concurrency } = await fleetInputOf(context);
    const plan = await planFleet(await client(), await engine(), items, { concurrency, signal });
    if (terminal.json) terminal.printJson(planToJson(plan));
    else terminal.print(formatPlan(plan, terminal.colors));
    return planExitCode(plan);
  },
};
