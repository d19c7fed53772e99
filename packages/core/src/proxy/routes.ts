import * as v from 'valibot';
import { IdSchema } from '../input/id-schema.js';
import { ProxyRefusal } from './ProxyRefusal.js';
import type { RequestTarget } from './request-target.js';

/** One API call the proxy forwards. */
export interface ProxyRoute {
  /** The only method allowed. */
  readonly method: 'GET' | 'POST';
  /**
   * The path: literal segments, `{project}` (the configured project id) and `{id}` (an id as
   * `IdSchema` allows: what the client's own input validation lets through).
   */
  readonly path: string;
  /** The endpoint that serves it. */
  readonly service: 'ecs' | 'evs';
  /** The query keys the client sends with it, each at most once; any other key is refused. */
  readonly query: readonly string[];
}

/**
 * The allow-list: exactly the calls `createEcsClient` makes (its `operations/`). A literal
 * segment (`detail`, `resize_flavors`, `flavors`) comes before the `{id}` route it would also
 * fit, so that it wins.
 */
const PROXY_ROUTES: readonly ProxyRoute[] = [
  {
    method: 'GET',
    path: '/v1/{project}/cloudservers/detail',
    service: 'ecs',
    query: ['offset', 'limit', 'flavor', 'status', 'name'],
  },
  {
    method: 'GET',
    path: '/v1/{project}/cloudservers/resize_flavors',
    service: 'ecs',
    query: ['instance_uuid', 'limit', 'marker', 'sort_key', 'sort_dir'],
  },
  { method: 'GET', path: '/v1/{project}/cloudservers/flavors', service: 'ecs', query: ['availability_zone'] },
  { method: 'GET', path: '/v1/{project}/cloudservers/{id}', service: 'ecs', query: [] },
  { method: 'GET', path: '/v1/{project}/cloudservers/{id}/block_device', service: 'ecs', query: [] },
  { method: 'POST', path: '/v1/{project}/cloudservers/{id}/resize', service: 'ecs', query: [] },
  { method: 'POST', path: '/v1.1/{project}/cloudservers/{id}/resize', service: 'ecs', query: [] },
  { method: 'GET', path: '/v1/{project}/jobs/{id}', service: 'ecs', query: [] },
  { method: 'GET', path: '/v2/{project}/cloudvolumes/detail', service: 'evs', query: ['ids'] },
];

/** Whether the path segments fit the route's path, whatever the method and project. */
function fits(route: ProxyRoute, segments: readonly string[]): boolean {
  const pattern = route.path.slice(1).split('/');
  return (
    pattern.length === segments.length &&
    pattern.every((part, index) => {
      const segment = segments[index] ?? '';
      return part === '{project}' || part === '{id}' ? v.is(IdSchema, segment) : part === segment;
    })
  );
}

/**
 * The route of a request, when the allow-list has one for its path, project, method and query.
 * @throws {ProxyRefusal} `notAllowed` (no such path), `otherProject`, `methodNotAllowed` or
 * `queryNotAllowed`.
 * @internal
 */
export function allowedRoute(target: RequestTarget, method: string, projectId: string): ProxyRoute {
  const { segments, query } = target;
  const candidates = PROXY_ROUTES.filter((route) => fits(route, segments));
  if (candidates.length === 0) throw new ProxyRefusal('notAllowed');
  // Every route has the project id second: /{version}/{project}/...
  if (segments[1] !== projectId) throw new ProxyRefusal('otherProject');
  const route = candidates.find((candidate) => candidate.method === method);
  if (!route) throw new ProxyRefusal('methodNotAllowed');
  const keys = [...query.keys()];
  if (keys.some((key) => !route.query.includes(key)) || new Set(keys).size !== keys.length) {
    throw new ProxyRefusal('queryNotAllowed');
  }
  return route;
}
