import { createBuiltInRule } from './create-built-in-rule.js';

/**
 * A server on a dedicated host is resized only with the host named in the request
 * (`dedicated_host_id`, `Ecs.0803`). Naming a host passes whatever the server's host is.
 */
export const dedicatedHost = createBuiltInRule({
  name: 'dedicated-host',
  meta: {
    type: 'problem',
    docs: {
      description: 'A server on a dedicated host needs the dedicated host named in the resize request.',
      recommended: true,
    },
    refusal: 'at-once',
    errorCodes: ['Ecs.0803'],
    messages: {
      hostNotNamed:
        'Server {{serverId}} runs on dedicated host {{hostId}}, and a resize of such a server must name the dedicated host. Resize naming a dedicated host: its current one, or another with capacity for {{to}}.',
      unverified:
        'Could not verify that server {{serverId}} is not on a dedicated host, which must then be named in the resize: that fact is unknown. Check where the server runs, or resize naming its dedicated host.',
    },
  },
  check({ server, target, dedicatedHostId }) {
    if (dedicatedHostId !== undefined || server.dedicatedHostId === null) return [];
    return server.dedicatedHostId === undefined
      ? [{ messageId: 'unverified', data: { serverId: server.id }, unverified: true }]
      : [{ messageId: 'hostNotNamed', data: { serverId: server.id, to: target.id, hostId: server.dedicatedHostId } }];
  },
});
