import { createBuiltInRule } from './create-built-in-rule.js';
import { isTargetMissing } from './target-missing.js';

/**
 * The server's NICs must fit the target flavor's `quota:vif_max_num` (`Ecs.0807`). A server
 * with one NIC fits every flavor, whatever its limit.
 */
export const nicLimit = createBuiltInRule({
  name: 'nic-limit',
  meta: {
    type: 'problem',
    docs: {
      description: 'The NICs of the server must not exceed the most the target flavor allows.',
      recommended: true,
    },
    refusal: 'at-once',
    errorCodes: ['Ecs.0807'],
    messages: {
      tooManyNics:
        'Server {{serverId}} has {{nicCount}} NICs, and {{to}} allows at most {{maxNics}}: the resize would be refused. Detach {{excess}} NICs first, or pick a flavor that allows more.',
      unverified:
        'Could not verify that the NICs of server {{serverId}} fit {{to}}: {{unknown}} unknown. Check how many NICs the server has and how many {{to}} allows.',
    },
  },
  check(facts) {
    if (isTargetMissing(facts)) return [];
    const { server, target } = facts;
    const { nicCount } = server;
    const { maxNics } = target;
    if (nicCount !== undefined && nicCount <= 1) return [];
    if (nicCount !== undefined && maxNics !== undefined) {
      return nicCount > maxNics
        ? [
            {
              messageId: 'tooManyNics',
              data: { serverId: server.id, to: target.id, nicCount, maxNics, excess: nicCount - maxNics },
            },
          ]
        : [];
    }
    const unknown =
      nicCount !== undefined
        ? "the flavor's NIC limit is"
        : maxNics !== undefined
          ? "the server's NIC count is"
          : "the server's NIC count and the flavor's NIC limit are";
    return [{ messageId: 'unverified', data: { serverId: server.id, to: target.id, unknown }, unverified: true }];
  },
});
