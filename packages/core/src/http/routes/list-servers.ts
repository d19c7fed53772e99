import type { ApiRoute } from '../api-route.js';

/** `listServers`, `listServersPage`; `offset` is a page number. */
export const LIST_SERVERS = {
  method: 'GET',
  path: '/v1/{project_id}/cloudservers/detail',
  query: ['offset', 'limit', 'flavor', 'status', 'name'],
  service: 'ecs',
} as const satisfies ApiRoute;
