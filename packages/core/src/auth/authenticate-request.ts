import type { AkSkCredentials, TokenCredentials } from './credentials.js';
import { signRequest } from './sign-request.js';

/**
 * Adds credentials to a request: a token as `X-Auth-Token`; AK/SK as `X-Project-Id` and an
 * `SDK-HMAC-SHA256` signature dated now (so a retry after a long pause is still in date).
 * @internal
 */
export function authenticateRequest(
  request: Request,
  auth: TokenCredentials | AkSkCredentials,
  projectId: string,
): Request | Promise<Request> {
  if ('token' in auth) {
    request.headers.set('X-Auth-Token', auth.token);
    return request;
  }
  request.headers.set('X-Project-Id', projectId);
  return signRequest(request, auth, new Date());
}
