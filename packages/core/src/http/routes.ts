import type * as v from 'valibot';
import { IdSchema } from '../input/id-schema.js';
import { ServerIdSchema } from '../input/server-id-schema.js';
import type { ApiRoute } from './api-route.js';
import { LIST_SERVERS } from './routes/list-servers.js';
import { LIST_RESIZE_FLAVORS } from './routes/list-resize-flavors.js';
import { LIST_FLAVORS } from './routes/list-flavors.js';
import { GET_SERVER } from './routes/get-server.js';
import { LIST_BLOCK_DEVICES } from './routes/list-block-devices.js';
import { LIST_SERVER_INTERFACES } from './routes/list-server-interfaces.js';
import { RESIZE, RESIZE_WITH_PAYMENT } from './routes/resize.js';
import { GET_JOB } from './routes/get-job.js';
import { GET_VOLUMES } from './routes/get-volumes.js';

export type { ApiRoute } from './api-route.js';

// Each API call is a module of its own (routes/): a bundler puts all of a module's code in one
// chunk, so routes in one module would all load with the first chunk that calls one of them
// (a page that resizes would load the look-ups of resize's preflight at once).
export { LIST_SERVERS } from './routes/list-servers.js';
export { LIST_RESIZE_FLAVORS } from './routes/list-resize-flavors.js';
export { LIST_FLAVORS } from './routes/list-flavors.js';
export { GET_SERVER } from './routes/get-server.js';
export { LIST_BLOCK_DEVICES } from './routes/list-block-devices.js';
export { LIST_SERVER_INTERFACES } from './routes/list-server-interfaces.js';
export { RESIZE, RESIZE_WITH_PAYMENT } from './routes/resize.js';
export { GET_JOB } from './routes/get-job.js';
export { GET_VOLUMES } from './routes/get-volumes.js';

/**
 * What each path parameter may hold: what the operations accept as input, and what the proxy
 * lets through in that segment.
 */
export const PATH_PARAMS = {
  project_id: IdSchema,
  server_id: ServerIdSchema,
  job_id: IdSchema,
} as const satisfies Record<string, v.GenericSchema<string, string>>;

/**
 * Every API call of `@ecs-resize/core` (ecs-api.md), by name. The operations build their
 * requests from its routes ({@link apiCall}), each route a module of its own so that a page
 * bundles only the routes it calls, when it calls them; the proxy forwards exactly these calls and no other
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
