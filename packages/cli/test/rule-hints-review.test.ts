import { describe, expect, it } from 'vitest';
import { cliHintFor } from '../src/output/rule-hints.js';

const SERVER_ID = '6f1b3c2a-0d4e-4b7a-9c11-2a5e8f000006';

describe('the hint to list the flavors names the server, so that it can be run as printed', () => {
  it.each([
    { messageId: 'unknownFlavor', serverId: SERVER_ID, hint: `ecs-resize flavors ${SERVER_ID}` },
    { messageId: 'notAllowed', serverId: SERVER_ID, hint: `ecs-resize flavors ${SERVER_ID}` },
    { messageId: 'unverified', serverId: SERVER_ID, hint: `ecs-resize flavors ${SERVER_ID}` },
    // A server id from a facts document that is not a UUID is never put into a command line to copy.
    { messageId: 'unknownFlavor', serverId: 'x; rm -rf ~', hint: 'ecs-resize flavors <server>' },
    { messageId: 'unknownFlavor', serverId: '$(reboot)', hint: 'ecs-resize flavors <server>' },
    { messageId: 'unknownFlavor', serverId: undefined, hint: 'ecs-resize flavors <server>' },
  ])('target-allowed/$messageId, server $serverId: $hint', ({ messageId, serverId, hint }) => {
    const finding = { ruleId: 'target-allowed', messageId, ...(serverId === undefined ? {} : { data: { serverId } }) };
    expect(cliHintFor(finding)).toBe(`see the flavors it may change to: ${hint}`);
  });
});
