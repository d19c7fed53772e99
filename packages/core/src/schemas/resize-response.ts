import * as v from 'valibot';

/**
 * The body of a resize: `job_id` for pay-per-use, `order_id` for yearly/monthly (v1.1); whether
 * both come back together is UNCONFIRMED (ecs-api.md §1.2), so either or both are accepted.
 * A dry run answers 202, possibly with no body at all.
 */
export const DryRunResponseSchema = v.looseObject({ job_id: v.optional(v.string()), order_id: v.optional(v.string()) });

/** The body of an accepted (not dry-run) resize: `job_id` or `order_id` must be there. */
export const ResizeResponseSchema = v.pipe(
  DryRunResponseSchema,
  v.check((body) => body.job_id !== undefined || body.order_id !== undefined, 'neither job_id nor order_id is in the body'),
);
