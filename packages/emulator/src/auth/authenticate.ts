import { verifyRequest, type ReceivedRequest, type SignatureFailure } from './verify-signature.js';

/** Who may call the emulator. */
export interface AuthConfig {
  /** Accepted `X-Auth-Token` values. */
  readonly tokens: ReadonlySet<string>;
  /** Secret keys by access key. */
  readonly secretKeys: ReadonlyMap<string, string>;
}

/**
 * The `<reason>` part of `Incorrect IAM authentication information: <reason>`. Where the API
 * gateway's wording is documented it is used (`decrypt token fail`, `Get secretKey failed`,
 * `verify aksk signature fail`); the others are the emulator's own. None echoes a credential.
 */
const REASONS: Record<SignatureFailure | 'missing-credentials' | 'unknown-token', string> = {
  'missing-credentials': 'no X-Auth-Token or Authorization header',
  'unknown-token': 'decrypt token fail',
  'malformed-authorization': 'the Authorization header is not "SDK-HMAC-SHA256 Access=..., SignedHeaders=..., Signature=..."',
  'unknown-access-key': 'Get secretKey failed',
  'date-missing': 'x-sdk-date is missing or not in the format YYYYMMDDTHHMMSSZ',
  'date-not-signed': 'x-sdk-date is not among the signed headers',
  'date-expired': 'x-sdk-date is more than 15 minutes away from the server time',
  'signature-mismatch': 'verify aksk signature fail',
};

/**
 * Checks the request's credentials: an `Authorization` header is verified as an AK/SK signature
 * (it wins over a token), else `X-Auth-Token` must be a known token. Header names must be lower
 * case, as Node gives them. Returns why the request is refused, or undefined when it is accepted.
 */
export function authenticate(request: ReceivedRequest, config: AuthConfig, now: number): string | undefined {
  const { authorization, 'x-auth-token': token } = request.headers;
  if (authorization !== undefined) {
    const result = verifyRequest(request, (accessKey) => config.secretKeys.get(accessKey), now);
    return result.ok ? undefined : REASONS[result.reason];
  }
  if (token === undefined) return REASONS['missing-credentials'];
  return typeof token === 'string' && config.tokens.has(token) ? undefined : REASONS['unknown-token'];
}
