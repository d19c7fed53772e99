import type { ApiRoute } from '../api-route.js';

/** `getServer`. */
export const GET_SERVER = {
  method: 'GET',
  path: '/v1/{project_id}/cloudservers/{server_id}',
  query: [],
  service: 'ecs',
} as const satisfies ApiRoute;
