import * as v from 'valibot';
import type { ClientContext } from '../client/client-context.js';
import { apiCall } from '../http/routes.js';
import { IdSchema } from '../input/id-schema.js';
import { parseInput } from '../input/parse-input.js';
import { RequestOptionsSchema, type RequestOptions } from '../input/request-options.js';
import { JobSchema, type Job } from '../schemas/job.js';

const InputSchema = v.object({ jobId: IdSchema, options: RequestOptionsSchema });

/**
 * `GET /v1/{project_id}/jobs/{job_id}`: the job, in the API's shape. A body with `code` and
 * `message` instead of a status (a failed job query) throws an `EcsApiError`.
 * @internal Exposed as `client.getJob`.
 */
export async function getJob(context: ClientContext, jobId: string, options?: RequestOptions): Promise<Job> {
  const input = parseInput('getJob', '', InputSchema, { jobId, options });
  return context.transport.send({
    ...apiCall('getJob', { project_id: context.projectId, job_id: input.jobId }),
    signal: input.options.signal,
    schema: JobSchema,
  });
}
