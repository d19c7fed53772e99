import type { IncomingHttpHeaders } from 'node:http';
import { emptyReply, type Reply } from './reply.js';

/** Headers a browser client may send (the auth headers of ecs-api.md §6). */
const ALLOWED_HEADERS =
  'Content-Type, X-Auth-Token, Authorization, X-Sdk-Date, X-Project-Id, X-Security-Token, X-Sdk-Content-Sha256';
/** How long a browser may cache a preflight, in seconds. */
const MAX_AGE_SECONDS = '600';

/**
 * CORS for the configured origins only. Real ECS endpoints send no CORS headers (ecs-api.md §7,
 * UNCONFIRMED), so by default the emulator sends none either.
 */
export interface Cors {
  /** A preflight answer for an allowed origin's `OPTIONS` preflight, else undefined (the request goes on). */
  preflight(method: string, headers: IncomingHttpHeaders): Reply | undefined;
  /** Headers to add to a normal answer for this request's origin. */
  headersFor(headers: IncomingHttpHeaders): Record<string, string>;
}

/** CORS that allows exactly `origins`. */
export function createCors(origins: readonly string[]): Cors {
  const allowed = new Set(origins);
  const allowedOrigin = (headers: IncomingHttpHeaders): string | undefined => {
    const { origin } = headers;
    return origin !== undefined && allowed.has(origin) ? origin : undefined;
  };
  // Answers differ by Origin whenever CORS is configured, so caches must know.
  const vary: Record<string, string> = allowed.size > 0 ? { Vary: 'Origin' } : {};
  return {
    preflight(method, headers) {
      const origin = allowedOrigin(headers);
      if (method !== 'OPTIONS' || origin === undefined || headers['access-control-request-method'] === undefined)
        return undefined;
      return emptyReply(204, {
        ...vary,
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Methods': 'GET, POST',
        'Access-Control-Allow-Headers': ALLOWED_HEADERS,
        'Access-Control-Expose-Headers': 'X-Request-Id',
        'Access-Control-Max-Age': MAX_AGE_SECONDS,
      });
    },
    headersFor(headers) {
      const origin = allowedOrigin(headers);
      if (origin === undefined) return vary;
      return { ...vary, 'Access-Control-Allow-Origin': origin, 'Access-Control-Expose-Headers': 'X-Request-Id' };
    },
  };
}
