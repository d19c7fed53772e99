import { HTTPError, type RetryOptions } from 'ky';

/** The longest `Retry-After` honoured, in milliseconds; a longer one is cut to this. */
export const MAX_RETRY_AFTER = 30_000;

/** The longest pause between two attempts without `Retry-After`, in milliseconds. */
export const MAX_BACKOFF = 10_000;

/** Error codes that prove the connection was never made, so the request never left. */
const NEVER_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** The system error code behind a fetch error (`cause.code`), or of any of its attempts. */
function causeCodes(error: unknown): string[] {
  const cause = error instanceof Error ? error.cause : undefined;
  const causes = cause instanceof AggregateError ? cause.errors : [cause];
  return causes.map((item: unknown) => (item as { code?: unknown } | undefined)?.code).filter((code) => typeof code === 'string');
}

/**
 * True only when a fetch failure proves the request never reached the server (Node's fetch
 * names the cause, e.g. `ECONNREFUSED`). A browser never says why, so it is never proven there,
 * and a reset or a timeout may come after the server has the request.
 * @internal
 */
export function provesNeverSent(error: unknown): boolean {
  const codes = causeCodes(error);
  return codes.length > 0 && codes.every((code) => NEVER_SENT_CODES.has(code));
}

/** Shared by both policies: exponential backoff with full jitter, bounded waits. */
function base(limit: number): RetryOptions {
  return { limit, jitter: true, backoffLimit: MAX_BACKOFF, maxRetryAfter: MAX_RETRY_AFTER, afterStatusCodes: [429, 503] };
}

/**
 * Reads (GET) are retried on network errors, timeouts, 429 (honouring `Retry-After`) and
 * 500/502/503/504.
 * @internal
 */
export function readRetry(limit: number): RetryOptions {
  return { ...base(limit), methods: ['get'], statusCodes: [429, 500, 502, 503, 504], retryOnTimeout: true };
}

/**
 * A write (the resize POST) is retried only when it provably did not happen: on 429 (the gateway
 * throttled it before it reached ECS), or when the connection was never made. Never on a
 * timeout, a reset, or a 5xx, after which the resize may be running.
 * @internal
 */
export function writeRetry(limit: number): RetryOptions {
  return {
    ...base(limit),
    methods: ['post'],
    statusCodes: [429],
    retryOnTimeout: false,
    shouldRetry: ({ error }) => (error instanceof HTTPError ? undefined : provesNeverSent(error)),
  };
}
