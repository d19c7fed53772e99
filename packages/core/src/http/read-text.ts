import { EcsTimeoutError } from '../errors/EcsTimeoutError.js';
import { readAtMost } from '../utils/read-at-most.js';
import { startDeadline, takeDeadline } from './attempt-deadline.js';
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
 * the attempt's deadline (the one timer of `fetchWithDeadline`, which runs from the request to
 * the body's end; a response made by a hook gets its own timer): a body that stalls after the
 * headers must not hang the call for ever. A longer body, or one still arriving when the time is
 * up, is cancelled, so its connection is released rather than left open.
 * @throws {EcsTimeoutError} When the body does not arrive in time.
 * @internal
 */
export async function readText(response: Response, request: FailedRequest, maxBytes: number): Promise<BodyText> {
  const deadline = takeDeadline(response) ?? (request.timeout === false ? undefined : startDeadline(request.timeout, undefined));
  try {
    const { bytes, complete } = await readAtMost(response.body, maxBytes, deadline?.signal);
    return { text: new TextDecoder().decode(bytes), complete };
  } catch (error) {
    if (deadline?.timedOut()) {
      throw new EcsTimeoutError(request.method, request.url, request.timeout as number, request.secrets);
    }
    throw error;
  } finally {
    deadline?.end();
  }
}
