import { HTTPError, isTimeoutError } from 'ky';
import { EcsApiError } from '../errors/EcsApiError.js';
import { isEcsError } from '../errors/EcsError.js';
import { EcsNetworkError } from '../errors/EcsNetworkError.js';
import { EcsTimeoutError } from '../errors/EcsTimeoutError.js';
import { MAX_ERROR_BODY_BYTES, parseErrorText, type ErrorBody } from './error-body.js';
import { readText } from './read-text.js';
import type { FailedRequest } from './failed-request.js';
import { provesNeverSent } from './never-sent.js';

/**
 * Builds an {@link EcsApiError} from a parsed error body and its response.
 * @internal
 */
export function apiError(response: Response, body: ErrorBody, request: FailedRequest): EcsApiError {
  // The error masks everything taken from the response: a server or proxy may echo a credential.
  return new EcsApiError({
    status: response.status,
    code: body.code,
    apiMessage: body.message,
    requestId: response.headers.get('x-request-id') ?? body.requestId,
    details: body.details,
    method: request.method,
    url: request.url,
    secrets: request.secrets,
    advice: request.advice,
  });
}

/** Reads the first {@link MAX_ERROR_BODY_BYTES} of a response's text in time, or '' when the body cannot be read. */
async function safeText(response: Response, request: FailedRequest): Promise<string> {
  try {
    return (await readText(response, request, MAX_ERROR_BODY_BYTES)).text;
  } catch {
    return '';
  }
}

/**
 * Turns whatever ky threw into the error core throws: {@link EcsApiError} for an HTTP error,
 * {@link EcsTimeoutError}, {@link EcsNetworkError}; the caller's own abort reason as it is.
 * ky's errors are never kept as `cause`, because they hold the request and its auth headers.
 * @internal
 */
export async function toEcsError(error: unknown, request: FailedRequest): Promise<unknown> {
  if (request.signal?.aborted) return request.signal.reason;
  if (isEcsError(error)) return error;
  if (error instanceof HTTPError) {
    const text = await safeText(error.response, request);
    // The caller may abort while the error body is read: its reason wins, as above.
    if (request.signal?.aborted) return request.signal.reason;
    return apiError(error.response, parseErrorText(text), request);
  }
  // ky's own TimeoutError, or the DOMException of an attempt's deadline (`attempt-deadline.ts`).
  if (isTimeoutError(error)) {
    return new EcsTimeoutError(request.method, request.url, request.timeout === false ? 0 : request.timeout, request.secrets);
  }
  return new EcsNetworkError(request.method, request.url, !provesNeverSent(error), error, request.secrets);
}
