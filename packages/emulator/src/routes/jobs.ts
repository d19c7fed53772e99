import { jobQueryError } from '../errors.js';
import type { EmulatorJob } from '../job-model.js';
import { endTimeOf, SUB_JOB_TYPES } from '../jobs.js';
import { jsonReply } from '../reply.js';
import { pathParam, type RouteHandler } from '../route.js';
import { isoMillis } from '../time.js';

/** `GET /v1/{project_id}/jobs/{job_id}` → the job (ecs-api.md §3), or 400 `Common.0011` (top-level body). */
export const getJob: RouteHandler = (context) => {
  const job = context.world.jobs.get(pathParam(context, 'jobId'));
  return job === undefined ? jobQueryError() : jsonReply(200, renderJob(job));
};

/** A job in the API's JSON shape; `end_time` is "" until it ends. */
function renderJob(job: EmulatorJob): Record<string, unknown> {
  const { task } = job;
  const begin = isoMillis(job.beginTime);
  const endMs = endTimeOf(job);
  const end = endMs === undefined ? '' : isoMillis(endMs);
  const entities =
    task.kind === 'resize'
      ? { server_id: task.serverId }
      : {
          sub_jobs_total: task.subJobs.length,
          sub_jobs: task.subJobs.map((sub) => ({
            status: job.status,
            entities: { server_id: sub.serverId },
            job_id: sub.jobId,
            job_type: SUB_JOB_TYPES[task.kind],
            begin_time: begin,
            end_time: end,
            error_code: null,
            fail_reason: null,
          })),
        };
  return {
    status: job.status,
    entities,
    job_id: job.jobId,
    job_type: job.jobType,
    begin_time: begin,
    end_time: end,
    error_code: job.errorCode,
    fail_reason: job.failReason,
  };
}
