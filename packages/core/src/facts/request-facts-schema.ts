import * as v from 'valibot';
import { IdSchema } from '../input/id-schema.js';

/**
 * What a resize request carries that the rules look at (`RequestFacts`), as validated: the
 * options of `collectFacts`, `check` and `resize`, and the fields of a fleet item, alike.
 * @internal
 */
export const RequestFactsEntries = {
  autoPay: v.optional(v.boolean('must be a boolean')),
  dedicatedHostId: v.optional(IdSchema),
};
