// The baseline of the engine benchmark: one plain function that makes the same decisions as
// the recommended rules (rule id and message id of every error), with no engine, no schema
// validation and no message formatting. The benchmark checks that both agree on every facts.

const OLD_GENERATIONS = new Set(['s1', 'c1', 'c2', 'm1']);
const NOT_FOR_SALE = new Set(['abandon', 'sellout', 'obt_sellout']);

/** The `ruleId:messageId` of every error the recommended rules would report, in their order. */
export function handWrittenChecks(facts) {
  const out = [];
  const { server, target, allowedTargets, mode, confirmations } = facts;
  const from = server.flavor.virtualization;
  const to = target.virtualization;

  const busy = server.taskState != null && server.taskState !== '';
  const stopped = server.status === 'SHUTOFF' && (server.vmState === undefined || server.vmState === 'stopped');
  const running = server.status === 'ACTIVE' && (server.vmState === undefined || server.vmState === 'active');
  if (busy && (stopped || running)) out.push('server-stopped:busy');
  else if (!stopped && !(running && mode === 'withStopServer'))
    out.push(running ? 'server-stopped:notStopped' : 'server-stopped:transitional');

  if (server.flavor.id === target.id) out.push('flavor-changes:sameFlavor');
  if (allowedTargets === undefined) out.push('target-allowed:unverified');
  else if (!allowedTargets.includes(target.id)) out.push('target-allowed:notAllowed');
  if (target.saleStatus === undefined) out.push('target-on-sale:unverified');
  else if (NOT_FOR_SALE.has(target.saleStatus)) out.push('target-on-sale:notOnSale');

  if (to !== 'kvm' && from !== 'xen')
    out.push(from === 'kvm' && to === 'xen' ? 'no-kvm-to-xen:kvmToXen' : 'no-kvm-to-xen:unverified');

  const xenToKvm = from === 'kvm' || to === 'xen' ? false : from === 'xen' && to === 'kvm' ? true : undefined;
  let vbd = 0;
  for (const disk of server.disks) if (disk.type === 'VBD') vbd += 1;
  if (vbd > 24 && xenToKvm !== false) out.push(xenToKvm ? 'xen-vbd-limit:tooManyVbdDisks' : 'xen-vbd-limit:unverified');
  if (confirmations?.xenToKvmDrivers !== true && xenToKvm !== false) {
    out.push(xenToKvm ? 'xen-to-kvm-drivers:driversNotConfirmed' : 'xen-to-kvm-drivers:unverified');
  }

  const fromGeneration = server.flavor.generation?.toLowerCase();
  const toGeneration = target.generation?.toLowerCase();
  const ruledOut =
    (toGeneration !== undefined && toGeneration !== 'h1') ||
    (fromGeneration !== undefined && !OLD_GENERATIONS.has(fromGeneration));
  if (confirmations?.h1Drivers !== true && !ruledOut) {
    out.push(
      fromGeneration !== undefined && toGeneration !== undefined ? 'h1-drivers:driversNotConfirmed' : 'h1-drivers:unverified',
    );
  }

  if (server.frozen !== false) out.push(server.frozen ? 'no-frozen-server:frozen' : 'no-frozen-server:unverified');
  if (server.locked !== false) out.push(server.locked ? 'no-locked-server:locked' : 'no-locked-server:unverified');
  if (server.chargingMode !== 'postPaid' && server.chargingMode !== 'prePaid') {
    out.push(server.chargingMode === 'spot' ? 'no-spot-server:spot' : 'no-spot-server:unverified');
  }
  if (server.disks.some((disk) => disk.status === 'extending')) out.push('no-expanding-disk:expanding');
  else if (server.disks.some((disk) => disk.status === undefined)) out.push('no-expanding-disk:unverified');
  return out;
}
