import type { ApiRoute } from '../api-route.js';

/** `listResizeFlavors` (`instance_uuid`) and `listResizeFlavorsForFlavor` (`source_flavor_id`), marker paging. */
export const LIST_RESIZE_FLAVORS = {
  method: 'GET',
  path: '/v1/{project_id}/cloudservers/resize_flavors',
  query: ['instance_uuid', 'source_flavor_id', 'limit', 'marker', 'sort_key', 'sort_dir'],
  service: 'ecs',
} as const satisfies ApiRoute;
