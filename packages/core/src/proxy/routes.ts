import * as v from 'valibot';
import { API_ROUTES, PATH_PARAMS, type ApiRoute } from '../http/routes.js';
import { ProxyRefusal } from './ProxyRefusal.js';
import type { RequestTarget } from './request-target.js';

/** Every route, with its path split into segments once. */
const ROUTES = Object.values(API_ROUTES).map((route: ApiRoute) => ({ route, pattern: route.path.slice(1).split('/') }));

/** Whether one path segment fits one segment of a route's path: its literal, or what its `{name}` may hold. */
function fitsSegment(part: string, segment: string): boolean {
  const name = /^\{(\w+)\}$/.exec(part)?.[1];
  if (name === undefined) return part === segment;
  // A parameter without a schema fits nothing: the allow-list fails closed.
  const schema = Object.hasOwn(PATH_PARAMS, name) ? PATH_PARAMS[name as keyof typeof PATH_PARAMS] : undefined;
  return schema !== undefined && v.is(schema, segment);
}

/**
 * The route of a request: the allow-list is exactly the client's route table (`API_ROUTES`),
 * each path parameter held to what the client's input validation accepts (a server id is a
 * UUID, so `cloudservers/limits` fits no route), each query key to those the client sends.
 * @throws {ProxyRefusal} `notAllowed` (no such path), `otherProject`, `methodNotAllowed` or
 * `queryNotAllowed`.
 * @internal
 */
export function allowedRoute(target: RequestTarget, method: string, projectId: string): ApiRoute {
  const { segments, query } = target;
  const candidates = ROUTES.filter(
    ({ pattern }) =>
      pattern.length === segments.length && pattern.every((part, index) => fitsSegment(part, segments[index] ?? '')),
  );
  if (candidates.length === 0) throw new ProxyRefusal('notAllowed');
  // Every route has the project id second: /{version}/{project_id}/...
  if (segments[1] !== projectId) throw new ProxyRefusal('otherProject');
  const route = candidates.find((candidate) => candidate.route.method === method)?.route;
  if (!route) throw new ProxyRefusal('methodNotAllowed');
  const keys = [...query.keys()];
  if (keys.some((key) => !route.query.includes(key)) || new Set(keys).size !== keys.length) {
    throw new ProxyRefusal('queryNotAllowed');
  }
  return route;
}
