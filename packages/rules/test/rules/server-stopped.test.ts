import { describe, it } from 'vitest';
import { serverStopped } from '../../src/rules/server-stopped.js';
import { RuleTester, buildFacts } from '../../src/testing/index.js';
import { SERVER_ID } from '../helpers.js';

new RuleTester({ describe, it }).run('server-stopped', serverStopped, {
  valid: [
    { name: 'SHUTOFF, stopped, no task', facts: buildFacts() },
    { name: 'SHUTOFF with vm_state unknown', facts: buildFacts({ server: { vmState: undefined } }) },
    { name: 'SHUTOFF with an empty task_state', facts: buildFacts({ server: { taskState: '' } }) },
    {
      name: 'ACTIVE with withStopServer',
      facts: buildFacts({ mode: 'withStopServer', server: { status: 'ACTIVE', vmState: 'active' } }),
    },
    { name: 'SHUTOFF with withStopServer', facts: buildFacts({ mode: 'withStopServer' }) },
    {
      name: 'ACTIVE with vm_state unknown, with withStopServer',
      facts: buildFacts({ mode: 'withStopServer', server: { status: 'ACTIVE', vmState: undefined } }),
    },
  ],
  invalid: [
    {
      name: 'SHUTOFF with an unknown task state',
      facts: buildFacts({ server: { taskState: undefined } }),
      errors: [{ messageId: 'unverified' }],
    },
    {
      name: 'ACTIVE with withStopServer and an unknown task state',
      facts: buildFacts({ mode: 'withStopServer', server: { status: 'ACTIVE', vmState: 'active', taskState: undefined } }),
      errors: [{ messageId: 'unverified' }],
    },
    {
      name: 'ACTIVE without withStopServer',
      facts: buildFacts({ server: { status: 'ACTIVE', vmState: 'active' } }),
      errors: [{ messageId: 'notStopped', data: { status: 'ACTIVE' } }],
    },
    {
      name: 'SHUTOFF while powering-on',
      facts: buildFacts({ server: { taskState: 'powering-on' } }),
      errors: [{ messageId: 'busy', data: { taskState: 'powering-on' } }],
    },
    {
      name: 'SHUTOFF while powering-on, with withStopServer',
      facts: buildFacts({ mode: 'withStopServer', server: { taskState: 'powering-on' } }),
      errors: [{ messageId: 'busy' }],
    },
    {
      name: 'ACTIVE while powering-off, with withStopServer',
      facts: buildFacts({ mode: 'withStopServer', server: { status: 'ACTIVE', vmState: 'active', taskState: 'powering-off' } }),
      errors: [{ messageId: 'busy' }],
    },
    ...['RESIZE', 'REBUILD', 'MIGRATING', 'VERIFY_RESIZE', 'ERROR', 'BUILD', 'HARD_REBOOT'].map((status) => ({
      name: `${status} with withStopServer`,
      facts: buildFacts({ mode: 'withStopServer', server: { status, vmState: undefined, taskState: null } }),
      errors: [{ messageId: 'transitional', data: { status } }],
    })),
    {
      name: 'SHUTOFF but vm_state resized',
      facts: buildFacts({ server: { vmState: 'resized' } }),
      errors: [{ messageId: 'transitional' }],
    },
    {
      name: 'ACTIVE with vm_state unknown, without withStopServer',
      facts: buildFacts({ server: { status: 'ACTIVE', vmState: undefined } }),
      errors: [{ messageId: 'notStopped', data: { serverId: SERVER_ID } }],
    },
    {
      name: 'ACTIVE while powering-off, without withStopServer',
      facts: buildFacts({ server: { status: 'ACTIVE', vmState: 'active', taskState: 'powering-off' } }),
      errors: [{ messageId: 'busy' }],
    },
    {
      name: 'RESIZE without withStopServer',
      facts: buildFacts({ server: { status: 'RESIZE', vmState: 'stopped', taskState: 'resize_prep' } }),
      errors: [{ messageId: 'transitional', data: { status: 'RESIZE', vmState: 'stopped' } }],
    },
    {
      name: 'ACTIVE but vm_state stopped, with withStopServer',
      facts: buildFacts({ mode: 'withStopServer', server: { status: 'ACTIVE', vmState: 'stopped' } }),
      errors: [{ messageId: 'transitional' }],
    },
  ],
});
