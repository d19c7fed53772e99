import type { AkSkCredentials, TokenCredentials } from './credentials.js';
import { readRequestBody, signHeaders } from './sign-request.js';

/**
 * Adds credentials to a request (in place when it has no body): a token as `X-Auth-Token`;
 * AK/SK as `X-Project-Id` and an `SDK-HMAC-SHA256` signature dated now (so a retry after a long
 * pause is still in date). The credentials are the client's, validated when it was created.
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
  return signInPlace(request, auth);
}

/** Signs a request dated now: a request without a body in place, else a copy carrying the body read. */
async function signInPlace(request: Request, auth: AkSkCredentials): Promise<Request> {
  const body = await readRequestBody(request, false);
  await signHeaders(request.headers, { method: request.method, url: request.url, body }, auth, new Date());
  return body === undefined ? request : new Request(request, { body });
}
