import { countOf } from '@ecs-resize/core';
import { applyFleet, planFleetWithJournal, type FleetApplyResult, type FleetPlan } from '@ecs-resize/fleet';
import { openJournal } from '@ecs-resize/fleet/journal';
import { resolve } from 'node:path';
import { WAIT_OPTIONS, waitSettingsFrom } from '../args/wait-options.js';
import { InterruptedError } from '../errors/InterruptedError.js';
import { UsageError } from '../errors/UsageError.js';
import { STDIN_SOURCE } from '../input/read-bounded-input.js';
import { ExitCode } from '../exit-codes.js';
import { FLEET_OPTIONS, fleetInputOf } from '../fleet/fleet-input.js';
import { planExitCode } from '../fleet/plan-exit-code.js';
import { formatApplyResult, formatJournalEntry, formatPlan, planToJson } from '../output/format-fleet.js';
import { describeLockHolder } from '../output/lock-holder.js';
import { shellQuote } from '../output/shell-quote.js';
import { secretsIn } from '../config/credentials.js';
import type { Command } from './command.js';

/**
 * The exit code of an apply: 4 if a job failed or did not end in time, 3 for errors or
 * uncertain items, else the plan's (an error item's code, or 1 for a blocked item), else 1 if
 * a re-check blocked, else 0.
 */
function exitCodeOfApply({ summary }: FleetApplyResult, plan: FleetPlan): number {
  if (summary.failed > 0 || summary.pending > 0) return ExitCode.jobFailed;
  if (summary.errors > 0 || summary.uncertain > 0) return ExitCode.api;
  const planned = planExitCode(plan);
  if (planned !== ExitCode.ok) return planned;
  return summary.blocked > 0 ? ExitCode.blocked : ExitCode.ok;
}

/** `ecs-resize fleet apply <file>`: resizes the ready items of a fleet file, with a journal. */
export const fleetApplyCommand: Command = {
  name: 'fleet apply',
  summary: 'resize the ready items of a fleet file, waiting for each job; a journal makes re-runs resume',
  args: ['file'],
  options: {
    journal: {
      type: 'string',
      value: '<file>',
      description: 'the journal, one JSON line per event (default: <file>.results.jsonl)',
    },
    ...FLEET_OPTIONS,
    ...WAIT_OPTIONS,
  },
  description: [
    'Plans the fleet as `fleet plan` does, then resizes only the ready items: each is checked',
    'again, sent once, and its job waited for. Every state change (sending, submitted,',
    'succeeded, failed, blocked, error) is appended to the journal and flushed to disk first.',
    'A re-run reads the journal: a server it was sent to is never sent another resize. It skips',
    'what succeeded, waits again for submitted jobs, reports failed jobs, and never re-sends an',
    'item left `sending` (uncertain: check those by hand). A fleet file naming a server twice is',
    'refused. <file> - reads the standard input, and then needs --journal. One run at a time:',
    'the journal is locked (<journal>.lock, with the pid and host); a lock left by a process',
    'that no longer runs on this host is taken over.',
    'Exit code 0 when all went through, 1 when an item is blocked, 2 for an invalid item, 3 for',
    'errors or uncertain items, 4 when a job failed, 130 on Ctrl-C (re-run to resume).',
  ].join('\n'),
  examples: [
    'ecs-resize fleet apply fleet.csv',
    'ecs-resize fleet apply fleet.json --journal /var/log/resize.jsonl --concurrency 8',
  ],
  async run(context) {
    const { options, terminal, signal, client, engine, io } = context;
    const journalOption = options.string('journal');
    if (context.args[0] === STDIN_SOURCE && journalOption === undefined)
      throw new UsageError('fleet apply - (stdin): give --journal <file>; it is what a re-run resumes from. Nothing was read.');
    const { path, items, concurrency } = await fleetInputOf(context);
    const waitOptions = waitSettingsFrom(options);
    const ecs = await client();
    const rules = await engine();
    const journal = openJournal(resolve(io.cwd, journalOption ?? `${path}.results.jsonl`), secretsIn(io.env));
    try {
      if (journal.takenOverFrom) {
        terminal.printError(
          `Took over the stale lock of ${journal.path}: ${describeLockHolder(journal.takenOverFrom)}, no longer runs.`,
        );
      }
      if (journal.tornLine) terminal.printError(`The last line of ${journal.path} was cut short by a crash; it is removed.`);
      // Items whose server the journal was sent to are not planned again; applyFleet resumes them.
      const { fresh, plan, resumed } = await planFleetWithJournal(ecs, rules, items, journal.previous, {
        concurrency,
        signal,
      });
      if (!terminal.json) {
        terminal.print(formatPlan(fresh, terminal.colors));
        if (resumed > 0) terminal.print(`${countOf(resumed, 'item')} resumed from the journal ${journal.path}`);
        terminal.print(`Applying the ready items; journal: ${journal.path}`);
      }
      const result = await applyFleet(ecs, rules, plan, {
        record: (entry) => journal.record(entry),
        previous: journal.previous,
        concurrency,
        waitOptions,
        onProgress: (entry) => terminal.progress.write(`${formatJournalEntry(entry, terminal.progressColors)}\n`),
        signal,
      });
      if (terminal.json) terminal.printJson({ journal: journal.path, plan: planToJson(fresh), ...result });
      else terminal.print(formatApplyResult(result, terminal.colors));
      return exitCodeOfApply(result, fresh);
    } catch (error) {
      if (!(error instanceof InterruptedError)) throw error;
      // The same journal, or the re-run would not know what was sent, and send it again.
      const resumeJournal = journalOption === undefined ? '' : ` --journal ${shellQuote(journal.path)}`;
      throw new InterruptedError(
        error.signal,
        `Stopped (${error.signal}). What was sent is in ${journal.path}; submitted jobs go on in the cloud. Resume with: ecs-resize fleet apply ${shellQuote(path)}${resumeJournal}`,
        { cause: error },
      );
    } finally {
      journal.close();
    }
  },
};
