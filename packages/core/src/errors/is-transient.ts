import { EcsApiError } from './EcsApiError.js';
import { EcsNetworkError } from './EcsNetworkError.js';
import { EcsResponseError } from './EcsResponseError.js';
import { EcsTimeoutError } from './EcsTimeoutError.js';

/** Codes that mean "throttled, try later", whatever the HTTP status (`Common.0024` comes with 202). */
const THROTTLE_CODES = new Set(['APIG.0308', 'APIGW.0308', 'Common.0024', 'Common.1503']);

/**
 * True for a failure that says nothing about the thing asked for and may pass on its own: no
 * response, a timeout, throttling, a 5xx, or a garbled body. Safe to ask again for reads only.
 */
export function isTransientError(error: unknown): boolean {
  if (error instanceof EcsNetworkError || error instanceof EcsTimeoutError || error instanceof EcsResponseError) {
    return true;
  }
  if (error instanceof EcsApiError) {
    return error.status === 429 || error.status >= 500 || (error.code !== undefined && THROTTLE_CODES.has(error.code));
  }
  return false;
}
