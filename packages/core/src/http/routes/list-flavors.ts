import type { ApiRoute } from '../api-route.js';

/** `listFlavors`. */
export const LIST_FLAVORS = {
  method: 'GET',
  path: '/v1/{project_id}/cloudservers/flavors',
  query: ['availability_zone'],
  service: 'ecs',
} as const satisfies ApiRoute;
