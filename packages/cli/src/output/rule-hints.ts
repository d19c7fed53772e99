import { isServerId } from '@ecs-resize/core';
import type { RuleConfirmation } from '@ecs-resize/rules';

/** Which finding: its rule, and the message (a plugin's finding may have none). */
interface FindingKey {
  readonly ruleId: string;
  readonly messageId?: string | undefined;
  /** The finding's data: its `serverId` fills a hint's `<server>`. */
  readonly data?: Readonly<Record<string, string | number>> | undefined;
}

/** The placeholder of a hint's command line that the finding's server fills. */
const SERVER_PLACEHOLDER = '<server>';

/**
 * A hint's command line with the finding's server in place of `<server>`, so that it runs as
 * printed; only a server id (a UUID) is put there, never other text of a facts document.
 */
function withServer(hint: string, finding: FindingKey): string {
  const serverId = finding.data?.['serverId'];
  return typeof serverId === 'string' && isServerId(serverId) ? hint.replace(SERVER_PLACEHOLDER, serverId) : hint;
}

/**
 * What to do with ecs-resize about a finding: the flag or command of `check`/`resize`, and the
 * field of a fleet file's item. A rule's own confirmation is not here: its `--confirm` hint is
 * made from the rule's `meta.confirmation` ({@link confirmationHint}).
 */
interface Hint {
  readonly flag?: string;
  readonly fleetFile?: string;
  /** The field of a facts document (`check --facts`). */
  readonly facts?: string;
}

/**
 * The hints by `ruleId/messageId`: the library's messages name the API options, these name
 * the flags and the fleet file's fields (JSON key, then CSV column).
 */
const HINTS: Readonly<Record<string, Hint>> = {
  'server-stopped/notStopped': {
    flag: 'or add --mode withStopServer',
    fleetFile: 'or set the mode (JSON and CSV) of the item to withStopServer',
    facts: 'or set "mode": "withStopServer" in the facts',
  },
  'xen-to-kvm-drivers/driversNotConfirmed': {
    fleetFile: 'once they are installed, set confirmations.xenToKvmDrivers (JSON) or confirm xen-to-kvm-drivers (CSV)',
  },
  'xen-to-kvm-drivers/unverified': {
    fleetFile: 'once they are installed, set confirmations.xenToKvmDrivers (JSON) or confirm xen-to-kvm-drivers (CSV)',
  },
  'h1-drivers/driversNotConfirmed': {
    fleetFile: 'once it is installed, set confirmations.h1Drivers (JSON) or confirm h1-drivers (CSV)',
  },
  'h1-drivers/unverified': {
    fleetFile: 'once it is installed, set confirmations.h1Drivers (JSON) or confirm h1-drivers (CSV)',
  },
  'target-allowed/unknownFlavor': { flag: 'see the flavors it may change to: ecs-resize flavors <server>' },
  'target-allowed/notAllowed': { flag: 'see the flavors it may change to: ecs-resize flavors <server>' },
  'target-allowed/unverified': { flag: 'see the flavors it may change to: ecs-resize flavors <server>' },
  'prepaid-auto-pay/needsAutoPay': {
    flag: 'add --auto-pay (or --no-auto-pay to pay the order by hand)',
    fleetFile: "set the item's autoPay (JSON) or auto-pay column (CSV) to true (or false to pay the order by hand)",
    facts: 'set "autoPay" in the facts: true pays the order at once, false leaves it to pay by hand',
  },
  'prepaid-auto-pay/unverified': {
    flag: 'or add --auto-pay',
    fleetFile: "or set the item's autoPay (JSON) or auto-pay column (CSV)",
    facts: 'or set "autoPay" in the facts',
  },
  'dedicated-host/hostNotNamed': {
    flag: 'add --dedicated-host with its host id',
    fleetFile: "set the item's dedicatedHostId (JSON) or dedicated-host column (CSV) to its host id",
    facts: 'set "dedicatedHostId" in the facts to its host id',
  },
  'dedicated-host/unverified': {
    flag: 'or add --dedicated-host <id>',
    fleetFile: "or set the item's dedicatedHostId (JSON) or dedicated-host column (CSV)",
    facts: 'or set "dedicatedHostId" in the facts',
  },
};

/**
 * What answers the finding of a rule that takes a confirmation, in the CLI's words: its
 * `--confirm <name>`, and what the operator attests by it (`meta.confirmation`).
 */
function confirmationHint({ name, label }: RuleConfirmation): string {
  return `add --confirm ${name} once this is true: ${label}`;
}

/**
 * The flag that answers a finding, if there is one: `--confirm` for a rule that takes a
 * confirmation (`confirmation`, its `meta.confirmation`), else the flag or command of the table.
 */
export function cliHintFor(finding: FindingKey, confirmation?: RuleConfirmation): string | undefined {
  if (confirmation !== undefined) return confirmationHint(confirmation);
  const flag = HINTS[`${finding.ruleId}/${finding.messageId}`]?.flag;
  return flag === undefined ? undefined : withServer(flag, finding);
}

/** The field of a fleet file's item that answers a finding, if there is one. */
export function fleetFileHintFor(finding: FindingKey): string | undefined {
  return HINTS[`${finding.ruleId}/${finding.messageId}`]?.fleetFile;
}

/**
 * The `--confirm` that answers a finding, if one does (`confirmation`, its rule's
 * `meta.confirmation`): the one flag of a request read from a file.
 */
export function confirmHintFor(_finding: FindingKey, confirmation?: RuleConfirmation): string | undefined {
  return confirmation === undefined ? undefined : confirmationHint(confirmation);
}

/**
 * What answers a finding of `check --facts`: its `--confirm`, else the field of the facts
 * document that says what the request carries (`mode`, `autoPay`, `dedicatedHostId`).
 */
export function factsHintFor(finding: FindingKey, confirmation?: RuleConfirmation): string | undefined {
  return confirmHintFor(finding, confirmation) ?? HINTS[`${finding.ruleId}/${finding.messageId}`]?.facts;
}
