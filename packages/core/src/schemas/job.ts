import * as v from 'valibot';

/** A sub-job inside `entities.sub_jobs` (ecs-api.md §3). */
const SubJobSchema = v.looseObject({
  status: v.optional(v.string()),
  job_id: v.optional(v.string()),
  job_type: v.optional(v.string()),
  error_code: v.optional(v.nullable(v.string())),
  fail_reason: v.optional(v.nullable(v.string())),
  entities: v.optional(v.looseObject({ errorcode_message: v.optional(v.string()) })),
});

/**
 * A job from `GET /v1/{project_id}/jobs/{job_id}` (ecs-api.md §3). `status` is `INIT`,
 * `RUNNING`, `SUCCESS` or `FAIL`; any other value is taken as still running.
 */
export const JobSchema = v.looseObject({
  status: v.string(),
  job_id: v.optional(v.string()),
  job_type: v.optional(v.string()),
  begin_time: v.optional(v.nullable(v.string())),
  end_time: v.optional(v.nullable(v.string())),
  error_code: v.optional(v.nullable(v.string())),
  fail_reason: v.optional(v.nullable(v.string())),
  entities: v.optional(
    v.looseObject({
      server_id: v.optional(v.string()),
      sub_jobs_total: v.optional(v.number()),
      sub_jobs: v.optional(v.array(SubJobSchema)),
    }),
  ),
});

/** A job in the API's own JSON shape. */
export type Job = v.InferOutput<typeof JobSchema>;

/**
 * The code and reason of a failed job: its own, or else those of its first failed sub-job.
 * @internal
 */
export function jobFailure(job: Job): { errorCode: string | undefined; failReason: string | undefined } {
  const subJob = job.entities?.sub_jobs?.find((sub) => sub.error_code || sub.fail_reason);
  return {
    errorCode: job.error_code ?? subJob?.error_code ?? undefined,
    failReason: job.fail_reason ?? subJob?.fail_reason ?? subJob?.entities?.errorcode_message ?? undefined,
  };
}
