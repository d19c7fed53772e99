import * as v from 'valibot';
import { IdSchema } from '../input/id-schema.js';

/**
 * A `job_id` or `order_id` of a resize answer: checked like any id, because it goes into the
 * path of `GET /jobs/{job_id}` and into the command lines and journals that resume the
 * resize. The API documents both as opaque strings (32 hex digits, UUIDs, `CS2009141523OQSEQ`);
 * anything else (a `/`, a space, a quote, an escape sequence, 10 KB, a number) fails the answer.
 */
const AnswerIdSchema = v.optional(IdSchema);

/**
 * The body of a resize: `job_id` for pay-per-use, `order_id` for yearly/monthly (v1.1); whether
 * both come back together is UNCONFIRMED (ecs-api.md §1.2), so either or both are accepted.
 * A dry run answers 202, possibly with no body at all.
 */
export const DryRunResponseSchema = v.looseObject({ job_id: AnswerIdSchema, order_id: AnswerIdSchema });

/**
 * The body of an accepted (not dry-run) resize: `job_id` or `order_id` must be there. A body
 * that fails becomes an `EcsResponseError`, whose `mayHaveTakenEffect` is true: the resize was
 * answered 2xx, so it may be running even though its id cannot be used.
 */
export const ResizeResponseSchema = v.pipe(
  DryRunResponseSchema,
  v.check((body) => body.job_id !== undefined || body.order_id !== undefined, 'neither job_id nor order_id is in the body'),
);
