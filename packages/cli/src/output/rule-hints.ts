/** Which finding: its rule, and the message (a plugin's finding may have none). */
interface FindingKey {
  readonly ruleId: string;
  readonly messageId?: string | undefined;
}

/**
 * What to do with ecs-resize about a finding: the flag of `check`/`resize`, the field of a
 * fleet file's item, and, where `--confirm` answers it, that flag alone (for the checks whose
 * request comes from a file: `check --terraform`, `check --facts`).
 */
interface Hint {
  readonly flag: string;
  readonly fleetFile: string;
  readonly confirm?: string;
}

/**
 * The hints by `ruleId/messageId`: the library's messages name the API options, these name
 * the flags and the fleet file's fields (JSON key, then CSV column).
 */
const HINTS: Readonly<Record<string, Hint>> = {
  'server-stopped/notStopped': {
    flag: 'or add --mode withStopServer',
    fleetFile: 'or set the mode (JSON and CSV) of the item to withStopServer',
  },
  'xen-to-kvm-drivers/driversNotConfirmed': {
    flag: 'once they are installed, add --confirm xen-to-kvm-drivers',
    fleetFile: 'once they are installed, set confirmations.xenToKvmDrivers (JSON) or confirm xen-to-kvm-drivers (CSV)',
    confirm: 'once they are installed, add --confirm xen-to-kvm-drivers',
  },
  'xen-to-kvm-drivers/unverified': {
    flag: 'once they are installed, add --confirm xen-to-kvm-drivers',
    fleetFile: 'once they are installed, set confirmations.xenToKvmDrivers (JSON) or confirm xen-to-kvm-drivers (CSV)',
    confirm: 'once they are installed, add --confirm xen-to-kvm-drivers',
  },
  'h1-drivers/driversNotConfirmed': {
    flag: 'once it is installed, add --confirm h1-drivers',
    fleetFile: 'once it is installed, set confirmations.h1Drivers (JSON) or confirm h1-drivers (CSV)',
    confirm: 'once it is installed, add --confirm h1-drivers',
  },
  'h1-drivers/unverified': {
    flag: 'once it is installed, add --confirm h1-drivers',
    fleetFile: 'once it is installed, set confirmations.h1Drivers (JSON) or confirm h1-drivers (CSV)',
    confirm: 'once it is installed, add --confirm h1-drivers',
  },
  'prepaid-auto-pay/needsAutoPay': {
    flag: 'add --auto-pay (or --no-auto-pay to pay the order by hand)',
    fleetFile: "set the item's autoPay (JSON) or auto-pay column (CSV) to true (or false to pay the order by hand)",
  },
  'prepaid-auto-pay/unverified': {
    flag: 'or add --auto-pay',
    fleetFile: "or set the item's autoPay (JSON) or auto-pay column (CSV)",
  },
  'dedicated-host/hostNotNamed': {
    flag: 'add --dedicated-host with its host id',
    fleetFile: "set the item's dedicatedHostId (JSON) or dedicated-host column (CSV) to its host id",
  },
  'dedicated-host/unverified': {
    flag: 'or add --dedicated-host <id>',
    fleetFile: "or set the item's dedicatedHostId (JSON) or dedicated-host column (CSV)",
  },
};

/** The flag that answers a finding, if there is one. */
export function cliHintFor(finding: FindingKey): string | undefined {
  return HINTS[`${finding.ruleId}/${finding.messageId}`]?.flag;
}

/** The field of a fleet file's item that answers a finding, if there is one. */
export function fleetFileHintFor(finding: FindingKey): string | undefined {
  return HINTS[`${finding.ruleId}/${finding.messageId}`]?.fleetFile;
}

/** The `--confirm` that answers a finding, if one does: the one flag of a request read from a file. */
export function confirmHintFor(finding: FindingKey): string | undefined {
  return HINTS[`${finding.ruleId}/${finding.messageId}`]?.confirm;
}
