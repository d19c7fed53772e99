import * as v from 'valibot';
import { createBuiltInRule } from './create-built-in-rule.js';
import { isTargetMissing } from './target-missing.js';
import { isOfPerformanceType } from './flavor-families.js';

/** The options of `same-family`. */
export interface SameFamilyOptions {
  /** The performance types (`ecs:performancetype`) that change only within their own family. */
  performanceTypes: readonly string[];
}

/**
 * GPU, FPGA and large-memory flavors change only within their own family (`Ecs.0805`): when
 * either side is of a locked performance type, both must have the same generation.
 */
export const sameFamily = createBuiltInRule({
  name: 'same-family',
  meta: {
    type: 'problem',
    docs: {
      description: 'GPU, FPGA and large-memory flavors change only within their own family.',
      recommended: true,
    },
    refusal: 'late',
    errorCodes: ['Ecs.0805'],
    messages: {
      otherFamily:
        '{{from}} ({{fromFamily}}) cannot change to {{to}} ({{toFamily}}): GPU, FPGA and large-memory flavors change only within their own family. Pick a {{fromFamily}} flavor, or create a new server of the flavor you need.',
      unverified:
        "Could not verify that {{from}} → {{to}} stays within one family, which GPU, FPGA and large-memory flavors must: a flavor's performance type or generation is unknown. Check both flavors' performance type and generation.",
    },
    schema: v.strictObject({
      performanceTypes: v.array(
        v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty'), v.toLowerCase()),
        'must be an array of performance types',
      ),
    }),
    defaultOptions: { performanceTypes: ['gpu', 'fpga', 'saphana'] },
  },
  check(facts, { options }) {
    if (isTargetMissing(facts)) return [];
    const { server, target } = facts;
    const fromLocked = isOfPerformanceType(server.flavor, options.performanceTypes);
    const toLocked = isOfPerformanceType(target, options.performanceTypes);
    if (fromLocked === false && toLocked === false) return [];
    const from = server.flavor.generation?.toLowerCase();
    const to = target.generation?.toLowerCase();
    const data = { from: server.flavor.id, to: target.id };
    if ((fromLocked === true || toLocked === true) && from !== undefined && to !== undefined) {
      return from === to
        ? []
        : [{ messageId: 'otherFamily', data: { ...data, fromFamily: from.toUpperCase(), toFamily: to.toUpperCase() } }];
    }
    return [{ messageId: 'unverified', data, unverified: true }];
  },
});
