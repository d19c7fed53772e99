import { confirmationHelp } from '../args/confirmations.js';
import type { OptionValues } from '../args/option-values.js';
import { PREFLIGHT_OPTIONS, preflightSettingsFrom } from '../args/preflight-options.js';
import { UsageError } from '../errors/UsageError.js';
import { ExitCode } from '../exit-codes.js';
import { checkFactsInput, FACTS_FLAG } from '../facts/check-facts-input.js';
import { formatPreflight, preflightToJson } from '../output/format-report.js';
import { factsHintFor } from '../output/rule-hints.js';
import type { Terminal } from '../output/terminal.js';
import { runPreflight, type PreflightResult } from '../preflight/run-preflight.js';
import { checkTerraformPlan } from '../terraform/check-terraform-plan.js';
import { TERRAFORM_FLAG } from '../terraform/read-plan-file.js';
import type { Command } from './command.js';
import { resolveServerId } from '../servers/resolve-server.js';

/** The flags that say what the resize request carries: with a plan its provider says it, with facts the facts do. */
const REQUEST_FLAGS = ['mode', 'auto-pay', 'no-auto-pay', 'dedicated-host'] as const;

/** Where the resize comes from instead of `<server> <flavor>`: a plan, or facts. */
interface CheckInput {
  readonly flag: typeof TERRAFORM_FLAG | typeof FACTS_FLAG;
  /** A path, or `-` for the standard input. */
  readonly source: string;
}

/**
 * `--terraform` or `--facts`, when one is given.
 * @throws {UsageError} When both are, or when one comes with a flag of the request (`--mode`, ...).
 */
function checkInputOf(options: OptionValues): CheckInput | undefined {
  const given = [
    { flag: TERRAFORM_FLAG, source: options.string('terraform') },
    { flag: FACTS_FLAG, source: options.string('facts') },
  ].filter((input): input is CheckInput => input.source !== undefined);
  const [input, other] = given;
  if (input === undefined) return undefined;
  if (other !== undefined) throw new UsageError(`${input.flag} and ${other.flag} do not go together: pick one.`);
  const request = REQUEST_FLAGS.find((name) => options.flag(name) || options.string(name) !== undefined);
  if (request !== undefined) {
    const instead =
      input.flag === TERRAFORM_FLAG
        ? 'the provider decides what its resize sends'
        : 'the facts say it (mode, autoPay, dedicatedHostId)';
    throw new UsageError(`--${request} does not go with ${input.flag}: ${instead}.`);
  }
  return input;
}

/**
 * Prints a preflight and returns its exit code: 0 when the resize may go ahead, 1 when blocked.
 * `hintFor`: the flags that answer a finding (by default those of `check <server> <flavor>`).
 */
function printPreflight(terminal: Terminal, result: PreflightResult, hintFor?: typeof factsHintFor): number {
  if (terminal.json) terminal.printJson(preflightToJson(result));
  else terminal.print(formatPreflight(result, terminal.colors, hintFor));
  return result.report.ok ? ExitCode.ok : ExitCode.blocked;
}

/** `ecs-resize check <server> <flavor>`, `check --terraform <plan.json>`, `check --facts <file|->`: the preflight, nothing sent. */
export const checkCommand: Command = {
  name: 'check',
  summary: 'run the preflight rules on a resize and print the report; nothing is changed',
  args: ['server', 'flavor'],
  argsReplacedBy: { terraform: '<plan.json|->', facts: '<facts.json|->' },
  options: {
    ...PREFLIGHT_OPTIONS,
    terraform: {
      type: 'string',
      value: '<plan.json|->',
      description: 'check every flavor change of a Terraform plan (terraform show -json), as its provider sends it',
    },
    facts: {
      type: 'string',
      value: '<facts.json|->',
      description: 'check resize facts given as JSON (- for stdin): no API, no credentials',
    },
  },
  description: [
    'Reads the server, its allowed target flavors, its disks and the flavors from the API, and',
    'runs the rules (the built-in ones, and those of the rules config). Exit code 0 when the',
    'resize may go ahead, 1 when a rule blocks it. Nothing is sent but reads.',
    '',
    'With --terraform, the JSON of a saved plan (terraform show -json tfplan) instead of',
    '<server> <flavor>: each in-place update that changes the flavor of a',
    'huaweicloud_compute_instance (flavor_id, flavor_name), opentelekomcloud_ecs_instance_v1',
    '(flavor) or opentelekomcloud_compute_instance_v2 (flavor_id, flavor_name) is checked against',
    'the API (the server is the resource id), as its provider sends it: huaweicloud with',
    'withStopServer and its auto_pay, opentelekomcloud through Nova, which stops the server',
    'itself. One line per resource; other changes are counted as skipped, a replaced server is',
    'a note. Exit code 1 when a resize is blocked, 3 when a server could not be read, 2 for a bad',
    'plan (up to 64 MiB) or one that resizes a server twice.',
    '',
    'With --facts, resize facts as JSON (see @ecs-resize/rules/facts.schema.json) instead: no',
    "API call and no credentials; --confirm adds to the facts' confirmations (a name given is",
    'true, whatever the file says). Facts that do not fit are a usage error naming each field.',
    confirmationHelp(),
  ].join('\n'),
  examples: [
    'ecs-resize check 6f1b3c2a-0d4e-4b7a-9c11-2a5e8f000003 s3.large.2',
    'ecs-resize check 6f1b3c2a-0d4e-4b7a-9c11-2a5e8f000003 s3.large.2 --confirm xen-to-kvm-drivers --json',
    'ecs-resize check 6f1b3c2a-0d4e-4b7a-9c11-2a5e8f000013 s3.xlarge.2 --auto-pay',
    'terraform show -json tfplan > plan.json && ecs-resize check --terraform plan.json',
    'terraform show -json tfplan | ecs-resize check --terraform - --confirm xen-to-kvm-drivers --json',
    'ecs-resize check --facts facts.json',
    'my-facts-tool | ecs-resize check --facts - --confirm h1-drivers',
  ],
  async run(context) {
    const { args, options, terminal, signal, client, engine, io } = context;
    const rules = await engine();
    const input = checkInputOf(options);
    const settings = preflightSettingsFrom(options, rules);
    if (input?.flag === TERRAFORM_FLAG) return checkTerraformPlan(context, input.source, settings.confirmations);
    if (input?.flag === FACTS_FLAG)
      return printPreflight(terminal, await checkFactsInput(input.source, rules, settings.confirmations, io), factsHintFor);
    const [server = '', flavorRef = ''] = args;
    const ecs = await client();
    const serverId = await resolveServerId(ecs, server, signal);
    return printPreflight(terminal, await runPreflight(ecs, rules, serverId, flavorRef, { ...settings, signal }));
  },
};
