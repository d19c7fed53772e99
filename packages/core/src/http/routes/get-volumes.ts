import type { ApiRoute } from '../api-route.js';

/** `getVolumes`: EVS, `ids=['id1','id2']`. */
export const GET_VOLUMES = {
  method: 'GET',
  path: '/v2/{project_id}/cloudvolumes/detail',
  query: ['ids'],
  service: 'evs',
} as const satisfies ApiRoute;
