import { describe, it } from 'vitest';
import { xenToKvmDrivers } from '../../src/rules/xen-to-kvm-drivers.js';
import { RuleTester } from '../../src/testing/index.js';
import { resizeBetween } from '../helpers.js';

const from = 's3.large.2';
const to = 's3.xlarge.2';
const confirmed = { confirmations: { xenToKvmDrivers: true } };
const denied = { confirmations: { xenToKvmDrivers: false } };

new RuleTester({ describe, it }).run('xen-to-kvm-drivers', xenToKvmDrivers, {
  valid: [
    { name: 'Xen → KVM, drivers confirmed', facts: resizeBetween('xen', 'kvm', confirmed) },
    { name: 'KVM → KVM', facts: resizeBetween('kvm', 'kvm') },
    { name: 'Xen → Xen', facts: resizeBetween('xen', 'xen') },
    { name: 'KVM → KVM, drivers denied: they are not needed', facts: resizeBetween('kvm', 'kvm', denied) },
    { name: 'KVM → unknown: a KVM source decides it', facts: resizeBetween('kvm', undefined) },
    { name: 'unknown → Xen: a Xen target decides it', facts: resizeBetween(undefined, 'xen') },
    { name: 'unknown → KVM, drivers confirmed', facts: resizeBetween(undefined, 'kvm', confirmed) },
    { name: 'Xen → unknown, drivers confirmed', facts: resizeBetween('xen', undefined, confirmed) },
    { name: 'unknown → unknown, drivers confirmed', facts: resizeBetween(undefined, undefined, confirmed) },
  ],
  invalid: [
    {
      name: 'Xen → KVM, no confirmations',
      facts: resizeBetween('xen', 'kvm'),
      errors: [{ messageId: 'driversNotConfirmed', data: { from, to } }],
    },
    {
      name: 'Xen → KVM, confirmations without this one',
      facts: resizeBetween('xen', 'kvm', { confirmations: {} }),
      errors: [{ messageId: 'driversNotConfirmed' }],
    },
    {
      name: 'Xen → KVM, drivers denied',
      facts: resizeBetween('xen', 'kvm', denied),
      errors: [{ messageId: 'driversNotConfirmed', data: { from, to } }],
    },
    {
      name: 'Xen → KVM, only the H1 drivers confirmed',
      facts: resizeBetween('xen', 'kvm', { confirmations: { h1Drivers: true } }),
      errors: [{ messageId: 'driversNotConfirmed' }],
    },
    { name: 'unknown → KVM', facts: resizeBetween(undefined, 'kvm'), errors: [{ messageId: 'unverified', data: { from, to } }] },
    { name: 'Xen → unknown', facts: resizeBetween('xen', undefined), errors: [{ messageId: 'unverified', data: { from, to } }] },
    { name: 'unknown → unknown', facts: resizeBetween(undefined, undefined), errors: [{ messageId: 'unverified' }] },
    {
      name: 'unknown → KVM, drivers denied',
      facts: resizeBetween(undefined, 'kvm', denied),
      errors: [{ messageId: 'unverified' }],
    },
  ],
});
