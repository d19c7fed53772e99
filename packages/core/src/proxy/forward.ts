import { authenticateRequest } from '../auth/authenticate-request.js';
import { redactSecrets } from '../http/redact.js';
import { readAtMost } from '../utils/read-at-most.js';
import type { ProxyConfig } from './proxy-options.js';
import { proxyErrorResponse } from './proxy-errors.js';
import { proxyResponse } from './proxy-response.js';

/** The upstream response headers passed back; every other header stays behind. */
const PASSED_HEADERS = ['content-type', 'x-request-id', 'retry-after'] as const;

/** The request headers that carry the proxy's credentials upstream. */
const CREDENTIAL_HEADERS = ['authorization', 'x-auth-token', 'x-security-token'] as const;

/** Statuses whose response cannot have a body. */
const NULL_BODY_STATUSES: ReadonlySet<number> = new Set([204, 205, 304]);

/** A checked call, ready to go upstream. */
export interface UpstreamCall {
  /** The route's method. */
  readonly method: 'GET' | 'POST';
  /** The absolute upstream URL, path and query. */
  readonly url: string;
  /** The JSON text of a POST body; undefined for a GET. */
  readonly body: string | undefined;
  /** The browser's `Accept`, the one request header passed on. */
  readonly accept: string | null;
}

/** What must never come back to the browser: the secret key, and each credential header sent. */
function secretsOf(request: Request, config: ProxyConfig): string[] {
  const sent = CREDENTIAL_HEADERS.map((name) => request.headers.get(name));
  const secretKey = 'secretKey' in config.auth ? config.auth.secretKey : null;
  return [...sent, secretKey].filter((secret) => secret !== null);
}

/** The body as received, or as text with every secret masked when it echoes one. */
function masked(body: Uint8Array<ArrayBuffer>, secrets: readonly string[]): Uint8Array<ArrayBuffer> | string {
  const text = new TextDecoder().decode(body);
  const redacted = redactSecrets(text, secrets);
  return redacted === text ? body : redacted;
}

/** The upstream headers that are passed back, with any secret they echo masked. */
function passedHeaders(headers: Headers, secrets: readonly string[]): Record<string, string> {
  const passed: Record<string, string> = {};
  for (const name of PASSED_HEADERS) {
    const value = redactSecrets(headers.get(name) ?? undefined, secrets);
    if (value !== undefined) passed[name] = value;
  }
  return passed;
}

/**
 * Sends a checked call upstream, once (no retry: a resize must never run twice), with the
 * proxy's credentials, and answers with the upstream status and body (read in full within the
 * timeout, secrets masked) and only `Content-Type`, `X-Request-Id` and `Retry-After`.
 * Redirects are not followed. An unreachable upstream is answered 502, a body over
 * `maxResponseBytes` 502 (`PROXY.0513`, cancelled unread past the limit), a timeout 504.
 * @internal
 */
export async function forward(config: ProxyConfig, call: UpstreamCall): Promise<Response> {
  const deadline = AbortSignal.timeout(config.timeout);
  const headers = new Headers();
  if (call.accept !== null) headers.set('Accept', call.accept);
  if (call.body !== undefined) headers.set('Content-Type', 'application/json;charset=UTF-8');
  const request = new Request(call.url, {
    method: call.method,
    headers,
    body: call.body ?? null,
    signal: deadline,
    redirect: 'manual',
  });
  await authenticateRequest(request, config.auth, config.projectId, call.body);
  const secrets = secretsOf(request, config);
  try {
    const upstream = await (config.fetch ?? fetch)(request);
    if (NULL_BODY_STATUSES.has(upstream.status))
      return proxyResponse(upstream.status, null, passedHeaders(upstream.headers, secrets));
    const { bytes, complete } = await readAtMost(upstream.body, config.maxResponseBytes);
    if (!complete) return proxyErrorResponse('upstreamTooLarge');
    return proxyResponse(upstream.status, masked(bytes, secrets), passedHeaders(upstream.headers, secrets));
  } catch {
    return proxyErrorResponse(deadline.aborted ? 'upstreamTimeout' : 'upstreamUnreachable');
  }
}
