import type { Finding } from '@ecs-resize/rules';

/**
 * What to do with ecs-resize about a finding, by `ruleId/messageId`: the library's messages
 * name the API options, these name the flags.
 */
const HINTS: Readonly<Record<string, string>> = {
  'server-stopped/notStopped': 'or add --mode withStopServer',
  'xen-to-kvm-drivers/driversNotConfirmed': 'once they are installed, add --confirm xen-to-kvm-drivers',
  'xen-to-kvm-drivers/unverified': 'once they are installed, add --confirm xen-to-kvm-drivers',
  'h1-drivers/driversNotConfirmed': 'once it is installed, add --confirm h1-drivers',
  'h1-drivers/unverified': 'once it is installed, add --confirm h1-drivers',
  'prepaid-auto-pay/needsAutoPay': 'add --auto-pay (or --no-auto-pay to pay the order by hand)',
  'prepaid-auto-pay/unverified': 'or add --auto-pay',
  'dedicated-host/hostNotNamed': 'add --dedicated-host with its host id',
  'dedicated-host/unverified': 'or add --dedicated-host <id>',
};

/** The flag that answers a finding, if there is one. */
export function cliHintFor(finding: Pick<Finding, 'ruleId' | 'messageId'>): string | undefined {
  return HINTS[`${finding.ruleId}/${finding.messageId}`];
}
