import type * as v from 'valibot';
import { IdSchema } from '../input/id-schema.js';
import { ServerIdSchema } from '../input/server-id-schema.js';

/** One API call: how the client sends it, and so all that the proxy forwards of it. */
export interface ApiRoute {
  /** Its HTTP method. */
  readonly method: 'GET' | 'POST';
  /** Its path: literal segments and `{name}` parameters (see {@link PATH_PARAMS}). */
  readonly path: string;
  /** The query keys the client may send with it, each at most once; no other key is sent. */
  readonly query: readonly string[];
  /** The endpoint that serves it. */
  readonly service: 'ecs' | 'evs';
}

/**
 * What each path parameter may hold: what the operations accept as input, and what the proxy
 * lets through in that segment.
 */
export const PATH_PARAMS = {
  project_id: IdSchema,
  server_id: ServerIdSchema,
  job_id: IdSchema,
} as const satisfies Record<string, v.GenericSchema<string, string>>;

/** `listServers`, `listServersPage`; `offset` is a page number. */
export const LIST_SERVERS = {
  method: 'GET',
  path: '/v1/{project_id}/cloudservers/detail',
  query: ['offset', 'limit', 'flavor', 'status', 'name'],
  service: 'ecs',
} as const satisfies ApiRoute;

/** `listResizeFlavors` (`instance_uuid`) and `listResizeFlavorsForFlavor` (`source_flavor_id`), marker paging. */
export const LIST_RESIZE_FLAVORS = {
  method: 'GET',
  path: '/v1/{project_id}/cloudservers/resize_flavors',
  query: ['instance_uuid', 'source_flavor_id', 'limit', 'marker', 'sort_key', 'sort_dir'],
  service: 'ecs',
} as const satisfies ApiRoute;

/** `listFlavors`. */
export const LIST_FLAVORS = {
  method: 'GET',
  path: '/v1/{project_id}/cloudservers/flavors',
  query: ['availability_zone'],
  service: 'ecs',
} as const satisfies ApiRoute;

/** `getServer`. */
export const GET_SERVER = {
  method: 'GET',
  path: '/v1/{project_id}/cloudservers/{server_id}',
  query: [],
  service: 'ecs',
} as const satisfies ApiRoute;

/** `listBlockDevices`. */
export const LIST_BLOCK_DEVICES = {
  method: 'GET',
  path: '/v1/{project_id}/cloudservers/{server_id}/block_device',
  query: [],
  service: 'ecs',
} as const satisfies ApiRoute;

/** `listServerInterfaces`: the server's NICs. */
export const LIST_SERVER_INTERFACES = {
  method: 'GET',
  path: '/v1/{project_id}/cloudservers/{server_id}/os-interface',
  query: [],
  service: 'ecs',
} as const satisfies ApiRoute;

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

/** `getJob`, `waitForJob`. */
export const GET_JOB = {
  method: 'GET',
  path: '/v1/{project_id}/jobs/{job_id}',
  query: [],
  service: 'ecs',
} as const satisfies ApiRoute;

/** `getVolumes`: EVS, `ids=['id1','id2']`. */
export const GET_VOLUMES = {
  method: 'GET',
  path: '/v2/{project_id}/cloudvolumes/detail',
  query: ['ids'],
  service: 'evs',
} as const satisfies ApiRoute;

/**
 * Every API call of `@ecs-resize/core` (ecs-api.md), by name. The operations build their
 * requests from its routes ({@link apiCall}), each route a constant of its own so that a page
 * bundles only the routes it calls; the proxy forwards exactly these calls and no other
 * (`@ecs-resize/core/proxy`), so the two cannot disagree.
 * @internal
 */
export const API_ROUTES = {
  listServers: LIST_SERVERS,
  listResizeFlavors: LIST_RESIZE_FLAVORS,
  listFlavors: LIST_FLAVORS,
  getServer: GET_SERVER,
  listBlockDevices: LIST_BLOCK_DEVICES,
  listServerInterfaces: LIST_SERVER_INTERFACES,
  resize: RESIZE,
  resizeWithPayment: RESIZE_WITH_PAYMENT,
  getJob: GET_JOB,
  getVolumes: GET_VOLUMES,
} as const satisfies Record<string, ApiRoute>;

/**
 * The name of an API call.
 * @internal
 */
export type RouteName = keyof typeof API_ROUTES;

/** The `{name}` parameters of a path template. */
type ParamsOf<TPath extends string> = TPath extends `${string}{${infer Name}}${infer Rest}` ? Name | ParamsOf<Rest> : never;

/**
 * The path parameters of a route: exactly those of its template.
 * @internal
 */
export type PathParams<TRoute extends ApiRoute> = Readonly<Record<ParamsOf<TRoute['path']>, string>>;

/** The query keys of a route. */
type QueryKey<TRoute extends ApiRoute> = TRoute['query'][number];

/**
 * The query of a route: only its keys (none for a route without a query); an undefined value
 * is left out.
 * @internal
 */
export type QueryParams<TRoute extends ApiRoute> = [QueryKey<TRoute>] extends [never]
  ? Readonly<Record<string, never>>
  : { readonly [Key in QueryKey<TRoute>]?: string | number | undefined };

/** A route's request, ready for the transport. */
export interface RouteCall {
  /** The route's method. */
  readonly method: 'GET' | 'POST';
  /** The route's endpoint. */
  readonly service: 'ecs' | 'evs';
  /** The path, each parameter percent-encoded so that it stays inside its own segment. */
  readonly path: string;
  /** The query parameters. */
  readonly searchParams: Readonly<Record<string, string | number | undefined>>;
}

/**
 * The request of one API call: `apiCall(GET_JOB, { project_id, job_id })`. Parameters are
 * validated by the operation first; the encoding here is a second, independent guard.
 * @internal
 */
export function apiCall<const TRoute extends ApiRoute>(
  route: TRoute,
  params: PathParams<TRoute>,
  query: QueryParams<TRoute> = {},
): RouteCall {
  const { method, path, service } = route;
  const values: Readonly<Record<string, string>> = params;
  const encoded = path.replace(/\{(\w+)\}/g, (_, key: string) => encodeURIComponent(values[key] ?? ''));
  return { method, service, path: encoded, searchParams: query };
}
