import { defineRule } from '../define-rule.js';
import { docsUrl } from './docs-url.js';

/**
 * The server's NICs must fit the target flavor's `quota:vif_max_num` (`Ecs.0807`). A server
 * with one NIC fits every flavor, whatever its limit.
 */
export const nicLimit = defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'The NICs of the server must not exceed the most the target flavor allows.',
      url: docsUrl('nic-limit'),
      recommended: true,
    },
    refusal: 'at-once',
    errorCodes: ['Ecs.0807'],
    messages: {
      tooManyNics:
        'Server {{serverId}} has {{nicCount}} NICs, and {{to}} allows at most {{maxNics}}: the resize would be refused. Detach {{excess}} NICs first, or pick a flavor that allows more.',
      unverified:
        "Could not verify that the NICs of server {{serverId}} fit {{to}}: {{unknown}} unknown. Read the server's os-interface list and the flavor's quota:vif_max_num.",
    },
  },
  check({ server, target }) {
    const { nicCount } = server;
    const { maxNics } = target;
    const data = { serverId: server.id, to: target.id };
    if (nicCount !== undefined && nicCount <= 1) return [];
    if (nicCount !== undefined && maxNics !== undefined) {
      return nicCount > maxNics
        ? [{ messageId: 'tooManyNics', data: { ...data, nicCount, maxNics, excess: nicCount - maxNics } }]
        : [];
    }
    const unknown = [
      ...(nicCount === undefined ? ["the server's NIC count"] : []),
      ...(maxNics === undefined ? ["the flavor's NIC limit"] : []),
    ];
    return [
      {
        messageId: 'unverified',
        data: { ...data, unknown: `${unknown.join(' and ')} ${unknown.length > 1 ? 'are' : 'is'}` },
        unverified: true,
      },
    ];
  },
});
