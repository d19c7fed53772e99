// Varied synthetic resize facts, the same for every run (a seeded generator).

/** A small seeded generator (mulberry32). */
function generator(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FLAVORS = [
  { id: 's1.large', generation: 's1', virtualization: 'xen', vcpus: 2, ramMiB: 8192 },
  { id: 'c2.large', generation: 'c2', virtualization: 'xen', vcpus: 2, ramMiB: 4096 },
  { id: 'h1.large.2', generation: 'h1', virtualization: 'xen', vcpus: 2, ramMiB: 4096 },
  { id: 's3.large.2', generation: 's3', virtualization: 'kvm', vcpus: 2, ramMiB: 4096, architecture: 'x86', maxNics: 2 },
  {
    id: 'c6.xlarge.2',
    generation: 'c6',
    virtualization: 'kvm',
    vcpus: 4,
    ramMiB: 8192,
    performanceType: 'computingv3',
    localDisks: false,
    maxNics: 3,
  },
  {
    id: 'd2.xlarge.8',
    generation: 'd2',
    virtualization: 'kvm',
    vcpus: 4,
    performanceType: 'diskintensive',
    localDisks: true,
    maxNics: 3,
  },
  { id: 'i3.2xlarge.8', generation: 'i3', virtualization: 'kvm', vcpus: 8 },
  { id: 'h2.3xlarge.10', generation: 'h2', virtualization: 'kvm', vcpus: 16, performanceType: 'highcpu', maxNics: 6 },
  { id: 'g6.xlarge.4', generation: 'g6', virtualization: 'kvm', vcpus: 4, performanceType: 'gpu', maxNics: 3 },
  { id: 'g6.2xlarge.4', generation: 'g6', virtualization: 'kvm', vcpus: 8, maxNics: 4 },
  { id: 'p2v.2xlarge.8', generation: 'p2v', virtualization: 'kvm', vcpus: 8, performanceType: 'gpu' },
  { id: 'e3.7xlarge.12', generation: 'e3', virtualization: 'kvm', vcpus: 28, performanceType: 'saphana', maxNics: 8 },
  {
    id: 'kc1.large.2',
    generation: 'kc1',
    virtualization: 'kvm',
    vcpus: 2,
    architecture: 'arm',
    performanceType: 'kunpeng_computing',
    maxNics: 2,
  },
  { id: 'km1.xlarge.4', virtualization: 'kvm', vcpus: 4, architecture: 'arm' },
  { id: 'mystery.large', vcpus: 2 },
  { id: 'mystery.gpu', vcpus: 8, performanceType: 'GPU' },
];
const STATES = [
  ['SHUTOFF', 'stopped', null],
  ['SHUTOFF', 'stopped', null],
  ['SHUTOFF', 'stopped', 'powering-on'],
  ['ACTIVE', 'active', null],
  ['RESIZE', 'stopped', 'resize_prep'],
  ['ERROR', 'error', null],
];

/** Returns `count` facts covering every rule's verdicts, unknowns included. */
export function syntheticFacts(count, seed = 42) {
  const random = generator(seed);
  const pick = (items) => items[Math.floor(random() * items.length)];
  const maybe = (value, chance = 0.9) => (random() < chance ? value : undefined);
  const strip = (object) => Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
  return Array.from({ length: count }, (_, index) => {
    const [status, vmState, taskState] = pick(STATES);
    const source = pick(FLAVORS);
    const target = pick(FLAVORS);
    const diskCount = Math.floor(random() * 30);
    return strip({
      server: strip({
        id: `server-${index}`,
        status,
        vmState,
        taskState,
        locked: maybe(random() < 0.05),
        frozen: maybe(random() < 0.05),
        chargingMode: maybe(pick(['postPaid', 'postPaid', 'prePaid', 'spot'])),
        nicCount: maybe(1 + Math.floor(random() * 6)),
        dedicatedHostId: random() < 0.1 ? undefined : random() < 0.8 ? null : 'deh-1',
        flavor: source,
        disks: Array.from({ length: diskCount + 1 }, (_, disk) =>
          strip({
            id: `disk-${index}-${disk}`,
            type: random() < 0.8 ? 'VBD' : 'SCSI',
            status: maybe(random() < 0.03 ? 'extending' : 'in-use', 0.97),
          }),
        ),
      }),
      target: strip({
        ...target,
        saleStatus: maybe(pick(['normal', 'normal', 'sellout', 'abandon', 'promotion', 'obt', 'Normal', 'soon'])),
      }),
      allowedTargets: maybe(FLAVORS.filter(() => random() < 0.7).map((flavor) => flavor.id)),
      mode: maybe('withStopServer', 0.3),
      confirmations: maybe(strip({ xenToKvmDrivers: maybe(random() < 0.6, 0.7), h1Drivers: maybe(random() < 0.6, 0.7) }), 0.6),
      autoPay: maybe(random() < 0.7, 0.4),
      dedicatedHostId: maybe('deh-2', 0.2),
    });
  });
}
