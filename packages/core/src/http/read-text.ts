import { EcsTimeoutError } from '../errors/EcsTimeoutError.js';
import { readAtMost } from '../utils/read-at-most.js';
import type { FailedRequest } from './failed-request.js';

/** What was read of a response body. */
export interface BodyText {
  /** The body as UTF-8 text (a byte-order mark dropped), or its first `maxBytes` bytes. */
  readonly text: string;
  /** False when the body was longer than `maxBytes`: the rest was not read. */
  readonly complete: boolean;
}

/**
 * Reads a response body as text, at most `maxBytes` of it (counted after decompression), within
 * the request's timeout: ky's timeout ends when the headers arrive, and a body that stalls
 * after them must not hang the call for ever. A longer body, or one still arriving when the
 * timeout fires, is cancelled, so its connection is released rather than left open.
 * @throws {EcsTimeoutError} When the body does not arrive in time.
 * @internal
 */
export async function readText(response: Response, request: FailedRequest, maxBytes: number): Promise<BodyText> {
  const expiry = new AbortController();
  const timer =
    request.timeout === false
      ? undefined
      : setTimeout(
          () => expiry.abort(new EcsTimeoutError(request.method, request.url, request.timeout as number, request.secrets)),
          request.timeout,
        );
  try {
    const { bytes, complete } = await readAtMost(response.body, maxBytes, expiry.signal);
    return { text: new TextDecoder().decode(bytes), complete };
  } finally {
    clearTimeout(timer);
  }
}
