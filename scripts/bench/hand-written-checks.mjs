// The baseline of the engine benchmark: one plain function that makes the same decisions as
// the recommended rules (rule id and message id of every error), with no engine, no schema
// validation and no message formatting. The benchmark checks that both agree on every facts.

const OLD_GENERATIONS = new Set(['s1', 'c1', 'c2', 'm1']);
const ON_SALE = new Set(['normal', 'promotion']);
const NOT_FOR_SALE = new Set(['abandon', 'sellout', 'obt_sellout']);
const FIXED_GENERATIONS = new Set(['h2', 'hl1', 'p1', 'p2']);
const LOCAL_DISK_TYPES = new Set(['diskintensive', 'highio']);
const LOCAL_DISK_SERIES = new Set(['d', 'i']);
const FAMILY_TYPES = new Set(['gpu', 'fpga', 'saphana']);
const SERIES_TYPES = { g: 'gpu', p: 'gpu', pi: 'gpu', f: 'fpga', fp: 'fpga', e: 'saphana' };

/** The letters of a generation before its first digit, in lower case; undefined when unknown. */
const seriesOf = (generation) => (generation === undefined ? undefined : /^[a-z]*/.exec(generation.toLowerCase())[0]);

/** True when a known piece of evidence says so, false when some are known and none does, else undefined. */
const anyTrue = (...evidence) => (evidence.includes(true) ? true : evidence.includes(false) ? false : undefined);

const hasLocalDisks = (flavor) => {
  if (flavor.localDisks !== undefined) return flavor.localDisks;
  const series = seriesOf(flavor.generation);
  return anyTrue(
    flavor.performanceType === undefined ? undefined : LOCAL_DISK_TYPES.has(flavor.performanceType.toLowerCase()),
    series === undefined ? undefined : LOCAL_DISK_SERIES.has(series),
  );
};

const isFamilyLocked = (flavor) => {
  const series = seriesOf(flavor.generation);
  return anyTrue(
    flavor.performanceType === undefined ? undefined : FAMILY_TYPES.has(flavor.performanceType.toLowerCase()),
    series === undefined ? undefined : FAMILY_TYPES.has(Object.hasOwn(SERIES_TYPES, series) ? SERIES_TYPES[series] : ''),
  );
};

const architectureOf = (flavor) => {
  if (flavor.architecture !== undefined) return flavor.architecture;
  const series = seriesOf(flavor.generation);
  return series === undefined ? undefined : series.startsWith('k') ? 'arm' : 'x86';
};

/** The `ruleId:messageId` of every finding the recommended rules would report, in their order. */
export function handWrittenChecks(facts) {
  const out = [];
  const { server, target, allowedTargets, mode, confirmations, autoPay } = facts;
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
  const sale = target.saleStatus?.toLowerCase();
  if (sale === 'obt') out.push('target-on-sale:openBeta');
  else if (sale !== undefined && NOT_FOR_SALE.has(sale)) out.push('target-on-sale:notOnSale');
  else if (sale === undefined || !ON_SALE.has(sale)) out.push('target-on-sale:unverified');

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

  const charging = server.chargingMode;
  if (charging !== 'postPaid' && charging !== 'spot' && autoPay !== true) {
    if (charging === undefined) out.push('prepaid-auto-pay:unverified');
    else out.push(autoPay === false ? 'prepaid-auto-pay:orderUnpaid' : 'prepaid-auto-pay:needsAutoPay');
  }

  const { nicCount } = server;
  const { maxNics } = target;
  if (nicCount === undefined || nicCount > 1) {
    if (nicCount === undefined || maxNics === undefined) out.push('nic-limit:unverified');
    else if (nicCount > maxNics) out.push('nic-limit:tooManyNics');
  }

  if (fromGeneration !== undefined && FIXED_GENERATIONS.has(fromGeneration)) out.push('resizable-source:generationNotResizable');
  else if (hasLocalDisks(server.flavor) === true) out.push('resizable-source:localDisks');
  else if (fromGeneration === undefined) out.push('resizable-source:unverified');

  const locked = [isFamilyLocked(server.flavor), isFamilyLocked(target)];
  if (!locked.every((side) => side === false)) {
    if (!locked.includes(true) || fromGeneration === undefined || toGeneration === undefined) out.push('same-family:unverified');
    else if (fromGeneration !== toGeneration) out.push('same-family:otherFamily');
  }

  const [fromArchitecture, toArchitecture] = [architectureOf(server.flavor), architectureOf(target)];
  if (fromArchitecture === undefined || toArchitecture === undefined) out.push('same-architecture:unverified');
  else if (fromArchitecture !== toArchitecture) out.push('same-architecture:otherArchitecture');

  if (facts.dedicatedHostId === undefined && server.dedicatedHostId !== null) {
    out.push(server.dedicatedHostId === undefined ? 'dedicated-host:unverified' : 'dedicated-host:hostNotNamed');
  }
  return out;
}
