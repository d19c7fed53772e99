import type { ApiRoute } from '../api-route.js';

/** `resize` of a pay-per-use server (v1). */
export const RESIZE = {
  method: 'POST',
  path: '/v1/{project_id}/cloudservers/{server_id}/resize',
  query: [],
  service: 'ecs',
} as const satisfies ApiRoute;

/** `resize` with `autoPay` (yearly/monthly servers) or `dedicatedHostId` (v1.1). */
export const RESIZE_WITH_PAYMENT = {
  method: 'POST',
  path: '/v1.1/{project_id}/cloudservers/{server_id}/resize',
  query: [],
  service: 'ecs',
} as const satisfies ApiRoute;
