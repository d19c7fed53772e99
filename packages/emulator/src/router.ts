import type { RouteName } from './route-names.js';
import type { RouteHandler } from './route.js';
import { serverAction } from './routes/actions.js';
import { listBlockDevices } from './routes/block-devices.js';
import { listFlavors, listResizeFlavors } from './routes/flavors.js';
import { listServerInterfaces } from './routes/interfaces.js';
import { getJob } from './routes/jobs.js';
import { resize } from './routes/resize.js';
import { getServer, listServers } from './routes/servers.js';
import { getVolumes } from './routes/volumes.js';

/** One API: method, path pattern (`:name` segments are parameters) and handler. */
export interface Route {
  /** The route's name. */
  readonly name: RouteName;
  /** HTTP method. */
  readonly method: 'GET' | 'POST';
  /** Path segments; `:name` captures a parameter. */
  readonly segments: readonly string[];
  /** The handler. */
  readonly handle: RouteHandler;
}

/** How a request's method and path resolve. */
export type RouteMatch =
  | { readonly kind: 'found'; readonly route: Route; readonly params: Readonly<Record<string, string>> }
  | { readonly kind: 'wrong-method'; readonly allow: readonly string[] }
  | { readonly kind: 'not-found' };

const route = (name: RouteName, method: Route['method'], path: string, handle: RouteHandler): Route => ({
  name,
  method,
  segments: path.split('/'),
  handle,
});

/** Every emulated API. Every path has a `:projectId`. */
const ROUTES: readonly Route[] = [
  route('getServer', 'GET', '/v1/:projectId/cloudservers/:serverId', getServer),
  route('listServers', 'GET', '/v1/:projectId/cloudservers/detail', listServers),
  route('listResizeFlavors', 'GET', '/v1/:projectId/cloudservers/resize_flavors', listResizeFlavors),
  route('listFlavors', 'GET', '/v1/:projectId/cloudservers/flavors', listFlavors),
  route('listBlockDevices', 'GET', '/v1/:projectId/cloudservers/:serverId/block_device', listBlockDevices),
  route('listServerInterfaces', 'GET', '/v1/:projectId/cloudservers/:serverId/os-interface', listServerInterfaces),
  route('resize', 'POST', '/v1/:projectId/cloudservers/:serverId/resize', resize('v1')),
  route('resize', 'POST', '/v1.1/:projectId/cloudservers/:serverId/resize', resize('v1.1')),
  route('getJob', 'GET', '/v1/:projectId/jobs/:jobId', getJob),
  route('getVolumes', 'GET', '/v2/:projectId/cloudvolumes/detail', getVolumes),
  route('serverAction', 'POST', '/v1/:projectId/cloudservers/action', serverAction),
];

/**
 * Resolves a method and a raw (percent-encoded) path. Among the patterns the path fits, those
 * with the most literal segments win, so `/cloudservers/detail` is never taken for a server id;
 * the method then picks one of them, or the answer is `wrong-method`.
 */
export function matchRoute(method: string, path: string): RouteMatch {
  const segments = path.split('/');
  let best: { route: Route; params: Record<string, string> }[] = [];
  let bestLiterals = -1;
  for (const candidate of ROUTES) {
    const params = matchSegments(candidate.segments, segments);
    if (params === undefined) continue;
    const literals = candidate.segments.filter((segment) => !segment.startsWith(':')).length;
    if (literals > bestLiterals) [best, bestLiterals] = [[], literals];
    if (literals === bestLiterals) best.push({ route: candidate, params });
  }
  if (best.length === 0) return { kind: 'not-found' };
  const found = best.find((match) => match.route.method === method);
  return found === undefined
    ? { kind: 'wrong-method', allow: [...new Set(best.map((match) => match.route.method))] }
    : { kind: 'found', ...found };
}

function matchSegments(pattern: readonly string[], segments: readonly string[]): Record<string, string> | undefined {
  if (pattern.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, expected] of pattern.entries()) {
    const actual = segments[index] ?? '';
    if (expected.startsWith(':')) {
      const value = decodeSegment(actual);
      if (value === undefined || value === '') return undefined;
      params[expected.slice(1)] = value;
    } else if (actual !== expected) {
      return undefined;
    }
  }
  return params;
}

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
