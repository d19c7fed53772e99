import { describe, it } from 'vitest';
import { noKvmToXen } from '../../src/rules/no-kvm-to-xen.js';
import { RuleTester } from '../../src/testing/index.js';
import { SERVER_ID, resizeBetween } from '../helpers.js';

const from = 's3.large.2';
const to = 's3.xlarge.2';

new RuleTester({ describe, it }).run('no-kvm-to-xen', noKvmToXen, {
  valid: [
    { name: 'KVM → KVM', facts: resizeBetween('kvm', 'kvm') },
    { name: 'Xen → KVM', facts: resizeBetween('xen', 'kvm') },
    { name: 'Xen → Xen', facts: resizeBetween('xen', 'xen') },
    { name: 'unknown → KVM: a KVM target is always allowed', facts: resizeBetween(undefined, 'kvm') },
    { name: 'Xen → unknown: a Xen source never changes to Xen from KVM', facts: resizeBetween('xen', undefined) },
  ],
  invalid: [
    {
      name: 'KVM → Xen',
      facts: resizeBetween('kvm', 'xen'),
      errors: [{ messageId: 'kvmToXen', data: { serverId: SERVER_ID, from, to } }],
    },
    {
      name: 'unknown → Xen',
      facts: resizeBetween(undefined, 'xen'),
      errors: [{ messageId: 'unverified', data: { from, to, unknown: from } }],
    },
    {
      name: 'KVM → unknown',
      facts: resizeBetween('kvm', undefined),
      errors: [{ messageId: 'unverified', data: { from, to, unknown: to } }],
    },
    {
      name: 'unknown → unknown: both are named',
      facts: resizeBetween(undefined, undefined),
      errors: [{ messageId: 'unverified', data: { from, to, unknown: `${from} and ${to}` } }],
    },
  ],
});
