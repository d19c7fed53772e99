import { EcsTimeoutError } from '../errors/EcsTimeoutError.js';
import type { FailedRequest } from './to-ecs-error.js';

/** The marker of a body that took too long. */
const EXPIRED = Symbol('expired');

/**
 * Reads a response body as text within the request's timeout: ky's timeout ends when the
 * headers arrive, and a body that stalls after them must not hang the call for ever.
 * @throws {EcsTimeoutError} When the body does not arrive in time (the read is cancelled).
 * @internal
 */
export async function readText(response: Response, request: FailedRequest): Promise<string> {
  if (request.timeout === false) return response.text();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<typeof EXPIRED>((resolve) => {
    timer = setTimeout(() => resolve(EXPIRED), request.timeout as number);
  });
  const reading = response.text();
  try {
    const text = await Promise.race([reading, expired]);
    if (text !== EXPIRED) return text;
    reading.catch(() => undefined);
    throw new EcsTimeoutError(request.method, request.url, request.timeout, request.secrets);
  } finally {
    clearTimeout(timer);
  }
}
