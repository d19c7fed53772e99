import type { ApiRoute } from '../api-route.js';

/** `getJob`, `waitForJob`. */
export const GET_JOB = {
  method: 'GET',
  path: '/v1/{project_id}/jobs/{job_id}',
  query: [],
  service: 'ecs',
} as const satisfies ApiRoute;
