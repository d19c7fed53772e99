/**
 * `@ecs-resize/core/proxy`: the server side of a browser console. A same-origin proxy that
 * signs the client's calls (ECS sends no CORS headers), as a fetch-style handler, plus a
 * `node:http` adapter. Not imported by the main entry, so browser bundles stay small.
 */
export { createProxyHandler, type ProxyHandler } from './create-proxy-handler.js';
export type { ProxyOptions } from './proxy-options.js';
export { toNodeListener } from './to-node-listener.js';
