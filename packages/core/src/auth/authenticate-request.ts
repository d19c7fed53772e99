import type { AkSkCredentials, TokenCredentials } from './credentials.js';
import { signHeaders } from './sign-request.js';

/**
 * Adds credentials to a request, in place: a token as `X-Auth-Token`; AK/SK as `X-Project-Id`
 * and an `SDK-HMAC-SHA256` signature dated now (so a retry after a long pause is still in
 * date). The credentials are the client's, validated when it was created. `body` is the text
 * the request carries (the caller built the request from it), hashed as it is rather than read
 * back out of the request, which would use up its body and need a second request built around
 * the bytes read.
 * @internal
 */
export function authenticateRequest(
  request: Request,
  auth: TokenCredentials | AkSkCredentials,
  projectId: string,
  body: string | undefined,
): void | Promise<void> {
  if ('token' in auth) {
    request.headers.set('X-Auth-Token', auth.token);
    return;
  }
  request.headers.set('X-Project-Id', projectId);
  return signHeaders(request.headers, { method: request.method, url: request.url, body }, auth, new Date());
}
