import type { FlavorFacts, ResizeFacts } from '../facts/facts-schema.js';

/** The server facts but its flavor. */
type ServerStateFacts = Pick<
  ResizeFacts['server'],
  'id' | 'status' | 'vmState' | 'taskState' | 'locked' | 'frozen' | 'chargingMode' | 'nicCount' | 'dedicatedHostId' | 'disks'
>;

/** Changes to the default facts: `server`, `server.flavor` and `target` merge one level deep. */
export interface FactsOverrides extends Partial<
  Pick<ResizeFacts, 'allowedTargets' | 'mode' | 'confirmations' | 'autoPay' | 'dedicatedHostId'>
> {
  server?: Partial<ServerStateFacts> & { flavor?: Partial<FlavorFacts> };
  target?: Partial<FlavorFacts>;
}

/**
 * Facts for tests: a stopped, unlocked, unfrozen pay-per-use KVM server on `s3.large.2` with
 * its system disk and one NIC, on no dedicated host, going to `s3.xlarge.2` (allowed, on sale,
 * x86 without local disks, up to 4 NICs), plus your overrides. Every built-in rule passes
 * these facts as they are.
 */
export function buildFacts(overrides: FactsOverrides = {}): ResizeFacts {
  const { server, target, ...rest } = overrides;
  return {
    allowedTargets: ['s3.xlarge.2', 's3.2xlarge.2', 'c6.large.2'],
    ...rest,
    server: {
      id: '6f1b3c2a-0d4e-4b7a-9c11-2a5e8f000006',
      status: 'SHUTOFF',
      vmState: 'stopped',
      taskState: null,
      locked: false,
      frozen: false,
      chargingMode: 'postPaid',
      nicCount: 1,
      dedicatedHostId: null,
      disks: [{ id: 'system-disk', type: 'VBD', status: 'in-use' }],
      ...server,
      flavor: {
        id: 's3.large.2',
        generation: 's3',
        virtualization: 'kvm',
        vcpus: 2,
        ramMiB: 4096,
        architecture: 'x86',
        performanceType: 'normal',
        localDisks: false,
        maxNics: 4,
        ...server?.flavor,
      },
    },
    target: {
      id: 's3.xlarge.2',
      generation: 's3',
      virtualization: 'kvm',
      vcpus: 4,
      ramMiB: 8192,
      saleStatus: 'normal',
      architecture: 'x86',
      performanceType: 'normal',
      localDisks: false,
      maxNics: 4,
      ...target,
    },
  };
}
