import { describe, it } from 'vitest';
import { dedicatedHost } from '../../src/rules/dedicated-host.js';
import { RuleTester, buildFacts } from '../../src/testing/index.js';
import { SERVER_ID } from '../helpers.js';

const HOST = '459a2b9d-804a-4745-ab19-a113bb1b4ddc';
const OTHER_HOST = '8c3a1f52-7d0e-4e0b-9a51-3f6a2b000001';

new RuleTester({ describe, it }).run('dedicated-host', dedicatedHost, {
  valid: [
    { name: 'on no dedicated host', facts: buildFacts() },
    { name: 'on a host, the same host named', facts: buildFacts({ server: { dedicatedHostId: HOST }, dedicatedHostId: HOST }) },
    {
      name: 'on a host, another host named',
      facts: buildFacts({ server: { dedicatedHostId: HOST }, dedicatedHostId: OTHER_HOST }),
    },
    { name: 'host unknown, a host named', facts: buildFacts({ server: { dedicatedHostId: undefined }, dedicatedHostId: HOST }) },
  ],
  invalid: [
    {
      name: 'on a host, none named',
      facts: buildFacts({ server: { dedicatedHostId: HOST } }),
      errors: [{ messageId: 'hostNotNamed', data: { serverId: SERVER_ID, hostId: HOST, to: 's3.xlarge.2' }, severity: 'error' }],
    },
    {
      name: 'host unknown, none named',
      facts: buildFacts({ server: { dedicatedHostId: undefined } }),
      errors: [{ messageId: 'unverified', data: { serverId: SERVER_ID }, severity: 'warn' }],
    },
  ],
});
