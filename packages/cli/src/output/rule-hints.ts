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
};

/** The flag that answers a finding, if there is one. */
export function cliHintFor(finding: Pick<Finding, 'ruleId' | 'messageId'>): string | undefined {
  return HINTS[`${finding.ruleId}/${finding.messageId}`];
}
