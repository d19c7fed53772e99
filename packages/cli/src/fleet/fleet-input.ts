import type { FleetItem } from '@ecs-resize/fleet';
import { resolve } from 'node:path';
import { STDIN_SOURCE } from '../input/read-bounded-input.js';
import type { OptionSpecs } from '../args/option-spec.js';
import type { CommandContext } from '../commands/command.js';
import { confirmationsOf } from '../args/confirmations.js';
import { readFleetFile } from './read-fleet-file.js';

/** The most requests (plan) or resizes (apply) at once that the planner and applier take. */
const MAX_CONCURRENCY = 64;

/** The flags `fleet plan` and `fleet apply` share. */
export const FLEET_OPTIONS = {
  concurrency: {
    type: 'string',
    value: '<n>',
    description: `look-ups (plan) and resizes (apply) at once, 1 to ${MAX_CONCURRENCY} (default 8 and 4)`,
  },
} as const satisfies OptionSpecs;

/** What a fleet command works on. */
export interface FleetInput {
  /** The fleet file, absolute, or `-` for the standard input. */
  readonly path: string;
  /** Its items, in order. */
  readonly items: FleetItem[];
  /** `--concurrency`, when given. */
  readonly concurrency: number | undefined;
}

/**
 * The fleet file of the command line (relative to the current directory, or `-` for the
 * standard input), its items and `--concurrency`. Its `confirm` names are those the rules of
 * the engine declare.
 * @throws {UsageError} When the file or the flag is bad.
 */
export async function fleetInputOf({ args: [file = ''], options, io, engine }: CommandContext): Promise<FleetInput> {
  const concurrency = options.integer('concurrency', 1, MAX_CONCURRENCY);
  const path = file === STDIN_SOURCE ? file : resolve(io.cwd, file);
  return { path, items: await readFleetFile(path, confirmationsOf(await engine()), io), concurrency };
}
