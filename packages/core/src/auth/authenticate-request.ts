import type { AkSkCredentials, TokenCredentials } from './credentials.js';
import { readRequestBody, signHeaders } from './sign-request.js';

/**
 * Adds credentials to a request, in place: a token as `X-Auth-Token`; AK/SK as `X-Project-Id`
 * and an `SDK-HMAC-SHA256` signature dated now (so a retry after a long pause is still in
 * date). The credentials are the client's, validated when it was created.
 * @param knownBody The text the request was built from, when the caller knows it: hashed as it
 * is, so the request's body is neither read nor copied. Otherwise the body is read from a clone
 * of the request (which stays sendable).
 * @internal
 */
export function authenticateRequest(
  request: Request,
  auth: TokenCredentials | AkSkCredentials,
  projectId: string,
  knownBody?: string,
): void | Promise<void> {
  if ('token' in auth) {
    request.headers.set('X-Auth-Token', auth.token);
    return;
  }
  request.headers.set('X-Project-Id', projectId);
  return signInPlace(request, auth, knownBody);
}

/** Signs a request in place, dated now, over `knownBody` or else the body it carries. */
async function signInPlace(request: Request, auth: AkSkCredentials, knownBody: string | undefined): Promise<void> {
  const body = knownBody ?? (await readRequestBody(request));
  await signHeaders(request.headers, { method: request.method, url: request.url, body }, auth, new Date());
}
