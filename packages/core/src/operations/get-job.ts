import * as v from 'valibot';
import type { EcsConnection } from '../connection/create-ecs-connection.js';
import { apiCall, GET_JOB } from '../http/routes.js';
import { IdSchema } from '../input/id-schema.js';
import { parseInput } from '../input/parse-input.js';
import { RequestOptionsSchema, type RequestOptions } from '../input/request-options.js';
import { JobSchema, type Job } from '../schemas/job.js';

const InputSchema = v.object({ jobId: IdSchema, options: RequestOptionsSchema });

/**
 * `GET /v1/{project_id}/jobs/{job_id}`: the job, in the API's shape. A body with `code` and
 * `message` instead of a status (a failed job query) throws an `EcsApiError`.
 * Also `client.getJob`.
 */
export async function getJob(ecs: EcsConnection, jobId: string, options?: RequestOptions): Promise<Job> {
  const input = parseInput('getJob', '', InputSchema, { jobId, options });
  return _getJob(ecs, input.jobId, input.options.signal);
}

/**
 * {@link getJob} of a job id already validated (`waitForJob` polls with it).
 * @internal
 */
export function _getJob(ecs: EcsConnection, jobId: string, signal: AbortSignal | undefined): Promise<Job> {
  return ecs.transport.send({ ...apiCall(GET_JOB, { project_id: ecs.projectId, job_id: jobId }), signal, schema: JobSchema });
}
