import type { ApiRoute } from '../api-route.js';

/** `listServerInterfaces`: the server's NICs. */
export const LIST_SERVER_INTERFACES = {
  method: 'GET',
  path: '/v1/{project_id}/cloudservers/{server_id}/os-interface',
  query: [],
  service: 'ecs',
} as const satisfies ApiRoute;
