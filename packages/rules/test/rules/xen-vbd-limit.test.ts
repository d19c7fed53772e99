import { describe, it } from 'vitest';
import { xenVbdLimit } from '../../src/rules/xen-vbd-limit.js';
import { RuleTester } from '../../src/testing/index.js';
import { SERVER_ID, disks, resizeBetween } from '../helpers.js';

new RuleTester({ describe, it }).run('xen-vbd-limit', xenVbdLimit, {
  valid: [
    { name: 'Xen → KVM with the system disk only', facts: resizeBetween('xen', 'kvm') },
    { name: 'Xen → KVM with exactly 24 VBD disks', facts: resizeBetween('xen', 'kvm', { server: { disks: disks(24) } }) },
    {
      name: 'Xen → KVM with 24 VBD and 10 SCSI disks: SCSI does not count',
      facts: resizeBetween('xen', 'kvm', { server: { disks: [...disks(24), ...disks(10, 'SCSI')] } }),
    },
    {
      name: 'Xen → KVM with 30 SCSI disks and no VBD disk',
      facts: resizeBetween('xen', 'kvm', { server: { disks: disks(30, 'SCSI') } }),
    },
    { name: 'KVM → KVM with 30 VBD disks', facts: resizeBetween('kvm', 'kvm', { server: { disks: disks(30) } }) },
    { name: 'Xen → Xen with 30 VBD disks', facts: resizeBetween('xen', 'xen', { server: { disks: disks(30) } }) },
    {
      name: 'KVM → unknown with 30 VBD disks: a KVM source decides it',
      facts: resizeBetween('kvm', undefined, { server: { disks: disks(30) } }),
    },
    {
      name: 'unknown → Xen with 30 VBD disks: a Xen target decides it',
      facts: resizeBetween(undefined, 'xen', { server: { disks: disks(30) } }),
    },
    {
      name: 'unknown → unknown with 24 VBD disks: the verdict cannot change',
      facts: resizeBetween(undefined, undefined, { server: { disks: disks(24) } }),
    },
    { name: 'Xen → unknown with 24 VBD disks', facts: resizeBetween('xen', undefined, { server: { disks: disks(24) } }) },
  ],
  invalid: [
    {
      name: 'Xen → KVM with 25 VBD disks',
      facts: resizeBetween('xen', 'kvm', { server: { disks: disks(25) } }),
      errors: [{ messageId: 'tooManyVbdDisks', data: { serverId: SERVER_ID, to: 's3.xlarge.2', count: 25, excess: 1 } }],
    },
    {
      name: 'Xen → KVM with 25 VBD and 5 SCSI disks: only VBD disks are counted',
      facts: resizeBetween('xen', 'kvm', { server: { disks: [...disks(5, 'SCSI'), ...disks(25)] } }),
      errors: [{ messageId: 'tooManyVbdDisks', data: { count: 25, excess: 1 } }],
    },
    {
      name: 'Xen → KVM with 30 VBD disks',
      facts: resizeBetween('xen', 'kvm', { server: { disks: disks(30) } }),
      errors: [{ messageId: 'tooManyVbdDisks', data: { count: 30, excess: 6 } }],
    },
    {
      name: 'unknown → KVM with 25 VBD disks',
      facts: resizeBetween(undefined, 'kvm', { server: { disks: disks(25) } }),
      errors: [{ messageId: 'unverified', data: { serverId: SERVER_ID, from: 's3.large.2', to: 's3.xlarge.2', count: 25 } }],
    },
    {
      name: 'Xen → unknown with 25 VBD disks',
      facts: resizeBetween('xen', undefined, { server: { disks: disks(25) } }),
      errors: [{ messageId: 'unverified', data: { count: 25 } }],
    },
    {
      name: 'unknown → unknown with 25 VBD disks',
      facts: resizeBetween(undefined, undefined, { server: { disks: disks(25) } }),
      errors: [{ messageId: 'unverified', data: { count: 25 } }],
    },
  ],
});
