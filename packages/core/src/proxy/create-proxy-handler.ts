import { queryString } from '../http/query-string.js';
import { forward } from './forward.js';
import { proxyErrorResponse } from './proxy-errors.js';
import { resolveProxyOptions, type ProxyOptions } from './proxy-options.js';
import { answerRefusals } from './ProxyRefusal.js';
import { readRequestBody } from './read-request-body.js';
import { parseTarget } from './request-target.js';
import { allowedRoute } from './routes.js';

/** A fetch-style handler: a `Request` in, a `Response` out. */
export type ProxyHandler = (request: Request) => Promise<Response>;

/**
 * Creates a same-origin signing proxy for browser consoles (ECS sends no CORS headers): a
 * fetch-style handler for Node servers (with {@link toNodeListener}), edge runtimes and
 * framework route handlers. Point the browser's client at it with `auth` undefined:
 * `createEcsClient({ endpoint: '/ecs-proxy', projectId })`.
 *
 * It forwards only the calls `createEcsClient` makes, for the configured project, and only
 * with the query keys the client sends: reading servers, jobs, flavors, block devices and EVS
 * volumes, and the v1 / v1.1 resize. It drops every header of the browser's but `Accept` (so
 * its cookies and any `Authorization`, `X-Auth-Token`, `X-Sdk-*`, `X-Security-Token` or
 * `X-Project-Id`), adds its own credentials, sends each call once, and passes the upstream
 * status and body back with only `Content-Type`, `X-Request-Id` and `Retry-After`.
 *
 * Everything else is answered by the proxy itself, with the gateway's error shape
 * `{"error_msg", "error_code"}` (never echoing the request) and nothing sent upstream:
 * - 400 `PROXY.0400` a malformed request; `PROXY.0410` an ambiguous path (dot or empty
 *   segments, backslashes, percent-encoding); `PROXY.0411` a GET with a body; `PROXY.0415` a
 *   POST that is not `application/json`; `PROXY.0422` a POST body that is not a JSON object
 *   (or is nested more than 32 levels);
 * - 403 `PROXY.0403` a path not on the list; `PROXY.0405` a method not allowed on the path;
 *   `PROXY.0430` a path outside `basePath`; `PROXY.0431` another project; `PROXY.0432` a query
 *   key the client does not send, or a repeated one;
 * - 413 `PROXY.0413` a body over `maxBodyBytes`;
 * - 500 `PROXY.0500` anything else that fails in the proxy: the handler answers every request,
 *   its promise never rejects;
 * - 502 `PROXY.0502` an unreachable upstream; `PROXY.0513` an upstream body over
 *   `maxResponseBytes`; 504 `PROXY.0504` one slower than `timeout`.
 *
 * The handler checks the path the `Request` carries. URL parsing has already resolved dot
 * segments and backslashes in it (`new Request` does); {@link toNodeListener} refuses those on
 * the raw request line before they get there. The proxy authenticates nobody: mount it behind
 * the app's own login.
 *
 * @example
 * const handler = createProxyHandler({
 *   endpoint: 'https://ecs.eu-de.otc.t-systems.com',
 *   evsEndpoint: 'https://evs.eu-de.otc.t-systems.com',
 *   projectId,
 *   auth: { accessKey: process.env.AK!, secretKey: process.env.SK! },
 *   basePath: '/ecs-proxy',
 * });
 * @throws {EcsInputError} When an option is invalid (a secret's value is never shown).
 */
export function createProxyHandler(options: ProxyOptions): ProxyHandler {
  const config = resolveProxyOptions(options);
  return (request) =>
    answerRefusals(async () => {
      const url = new URL(request.url);
      const target = parseTarget(url.pathname + url.search, config.basePath);
      const route = allowedRoute(target, request.method, config.projectId);
      const body = await readRequestBody(request, route.method, config.maxBodyBytes);
      const base = route.service === 'evs' ? config.evsBase : config.ecsBase;
      const search = queryString(target.query);
      return forward(config, {
        method: route.method,
        url: `${base}/${target.segments.join('/')}${search === '' ? '' : `?${search}`}`,
        body,
        accept: request.headers.get('accept'),
      });
    }).catch(() => proxyErrorResponse('internal'));
}
