import { confirmationHelp } from '../args/confirmations.js';
import { PREFLIGHT_OPTIONS, preflightSettingsFrom } from '../args/preflight-options.js';
import { WAIT_OPTIONS, waitSettingsFrom } from '../args/wait-options.js';
import { UsageError } from '../errors/UsageError.js';
import { ExitCode } from '../exit-codes.js';
import { resumeCommand, waitWithProgress } from '../jobs/wait-with-progress.js';
import { formatPreflight, preflightToJson } from '../output/format-report.js';
import { runPreflight } from '../preflight/run-preflight.js';
import type { Command } from './command.js';
import { resolveServerId } from '../servers/resolve-server.js';

/** `ecs-resize resize <server> <flavor>`: the preflight, then the resize, maybe waited for. */
export const resizeCommand: Command = {
  name: 'resize',
  summary: 'run the preflight rules, then resize when they pass (--wait to follow the job)',
  args: ['server', 'flavor'],
  options: {
    ...PREFLIGHT_OPTIONS,
    wait: { type: 'boolean', description: 'wait for the job to end, with a progress line (Ctrl-C stops waiting, not the job)' },
    ...WAIT_OPTIONS,
    'dry-run': {
      type: 'boolean',
      description: 'run the preflight and let the API validate the request (dry_run); nothing changes',
    },
  },
  description: [
    'Runs the same preflight as `check`; when a rule blocks, nothing is sent (exit code 1).',
    'Otherwise sends the resize once (never retried after it may have arrived) and prints the',
    'job id. With --wait, follows the job to its end: exit code 4 when it fails.',
    confirmationHelp(),
  ].join('\n'),
  examples: [
    'ecs-resize resize 6f1b3c2a-0d4e-4b7a-9c11-2a5e8f000007 s3.xlarge.2 --mode withStopServer --wait',
    'ecs-resize resize 6f1b3c2a-0d4e-4b7a-9c11-2a5e8f000003 s3.large.2 --confirm xen-to-kvm-drivers --dry-run',
  ],
  async run({ args: [server = '', flavorRef = ''], options, terminal, signal, client, engine }) {
    const rules = await engine();
    const settings = preflightSettingsFrom(options, rules);
    const { mode, autoPay, dedicatedHostId } = settings;
    const waitSettings = waitSettingsFrom(options);
    const [wait, dryRun] = [options.flag('wait'), options.flag('dry-run')];
    if (wait && dryRun) throw new UsageError('--wait and --dry-run do not go together: a dry run creates no job.');
    const ecs = await client();
    const serverId = await resolveServerId(ecs, server, signal);
    const preflight = await runPreflight(ecs, rules, serverId, flavorRef, { ...settings, signal });
    if (!terminal.json) terminal.print(formatPreflight(preflight, terminal.colors));
    if (!preflight.report.ok) {
      if (terminal.json) terminal.printJson({ ...preflightToJson(preflight), resized: false });
      else terminal.print('Nothing was sent.');
      return ExitCode.blocked;
    }
    // Not abortable: once sent, the resize may be running, and its job id is what resumes it.
    const { jobId, orderId } = await ecs.resize(serverId, flavorRef, { mode, dryRun, autoPay, dedicatedHostId });
    const sent = {
      ...preflightToJson(preflight),
      dryRun,
      ...(jobId === undefined ? {} : { jobId }),
      ...(orderId === undefined ? {} : { orderId }),
    };
    if (dryRun) {
      if (terminal.json) terminal.printJson(sent);
      else terminal.print('Dry run: the API accepted the request (dry_run); nothing was changed.');
      return ExitCode.ok;
    }
    if (!terminal.json)
      terminal.print(`Resize accepted: ${jobId === undefined ? `order ${orderId ?? '(none)'}` : `job ${jobId}`}`);
    if (!wait || jobId === undefined) {
      if (terminal.json) terminal.printJson(sent);
      else if (jobId !== undefined) terminal.print(`Follow it with: ${resumeCommand(jobId)}`);
      return ExitCode.ok;
    }
    const job = await waitWithProgress(ecs, terminal, jobId, waitSettings, signal);
    if (terminal.json) terminal.printJson({ ...sent, job });
    else terminal.print(terminal.colors.green(`Done: server ${serverId} now has flavor ${flavorRef}.`));
    return ExitCode.ok;
  },
};
