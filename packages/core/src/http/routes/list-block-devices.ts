import type { ApiRoute } from '../api-route.js';

/** `listBlockDevices`. */
export const LIST_BLOCK_DEVICES = {
  method: 'GET',
  path: '/v1/{project_id}/cloudservers/{server_id}/block_device',
  query: [],
  service: 'ecs',
} as const satisfies ApiRoute;
