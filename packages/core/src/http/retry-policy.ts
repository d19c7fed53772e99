import type { RetryOptions } from 'ky';
import { classifyFailure, mayRetry } from '../errors/failure-class.js';
import type { FailedRequest } from './failed-request.js';
import { toEcsError } from './to-ecs-error.js';

/** The longest `Retry-After` honoured, in milliseconds; a longer one is cut to this. */
export const MAX_RETRY_AFTER = 30_000;

/** The longest pause between two attempts without `Retry-After`, in milliseconds. */
export const MAX_BACKOFF = 10_000;

/** Every status ky treats as an error: which of them is retried, the failure class decides. */
const ERROR_STATUSES = Array.from({ length: 200 }, (_, offset) => 400 + offset);

/** What a retry decision needs of the client: the request fields that do not change per call. */
export type RetryContext = Omit<FailedRequest, 'method' | 'url' | 'signal'>;

/**
 * The retry options of one method, built once per client: exponential backoff with full jitter,
 * `Retry-After` honoured on 429 and 503, bounded waits. Whether a failure is retried is decided
 * by `errors/failure-class.ts` on the error core would throw (so an error body's code counts,
 * as `Ecs.0603` on a 501): a read whenever the failure is transient, a write (the resize POST)
 * only when it provably did nothing (throttled, or a connection never made). A failure not
 * retried is thrown as that error; the body of an HTTP error is read once, here.
 * @internal
 */
export function retryPolicy(method: 'GET' | 'POST', limit: number, context: RetryContext): RetryOptions {
  return {
    limit,
    jitter: true,
    backoffLimit: MAX_BACKOFF,
    maxRetryAfter: MAX_RETRY_AFTER,
    afterStatusCodes: [429, 503],
    methods: [method.toLowerCase()],
    statusCodes: ERROR_STATUSES,
    retryOnTimeout: true,
    async shouldRetry({ error }) {
      const url = (error as { request?: { url?: unknown } }).request?.url;
      const failure = await toEcsError(error, { ...context, method, url: typeof url === 'string' ? url : '' });
      if (!mayRetry(classifyFailure(failure), method)) throw failure;
      // Undefined, not true: ky then still honours Retry-After.
      return undefined;
    },
  };
}
