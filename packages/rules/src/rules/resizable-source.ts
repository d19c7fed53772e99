import * as v from 'valibot';
import { createBuiltInRule } from './create-built-in-rule.js';
import { hasLocalDisks } from './flavor-families.js';

/** The options of `resizable-source`. */
export interface ResizableSourceOptions {
  /** The generations (`ecs:generation`, any case) that cannot change flavor at all. */
  generations: readonly string[];
}

/**
 * Some flavors cannot be resized at all: those with local disks (disk-intensive D,
 * ultra-high I/O I) and the generations the docs list (H2, Hl1, P1, P2; `Ecs.0806`).
 */
export const resizableSource = createBuiltInRule({
  name: 'resizable-source',
  meta: {
    type: 'problem',
    docs: {
      description: 'The current flavor must be one that can be resized: no local disks, and not H2, Hl1, P1 or P2.',
      recommended: true,
    },
    refusal: 'late',
    errorCodes: ['Ecs.0806'],
    messages: {
      generationNotResizable:
        'Server {{serverId}} has flavor {{from}} of generation {{generation}}, which does not support changing flavor. Create a new server of the flavor you need and move the workload.',
      localDisks:
        'Server {{serverId}} has flavor {{from}}, which comes with local disks (disk-intensive or ultra-high I/O): such flavors do not support changing flavor. Create a new server of the flavor you need and move the data.',
      unverified:
        "Could not verify that flavor {{from}} of server {{serverId}} can be resized at all: its generation is unknown. Check the flavor's generation, and whether it comes with local disks.",
    },
    schema: v.strictObject({
      generations: v.array(
        v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty'), v.toLowerCase()),
        'must be an array of generations',
      ),
    }),
    defaultOptions: { generations: ['h2', 'hl1', 'p1', 'p2'] },
  },
  check({ server }, { options }) {
    const { flavor } = server;
    const generation = flavor.generation?.toLowerCase();
    const data = { serverId: server.id, from: flavor.id };
    if (generation !== undefined && options.generations.includes(generation))
      return [{ messageId: 'generationNotResizable', data: { ...data, generation: generation.toUpperCase() } }];
    if (hasLocalDisks(flavor) === true) return [{ messageId: 'localDisks', data }];
    return generation === undefined ? [{ messageId: 'unverified', data, unverified: true }] : [];
  },
});
