import * as v from 'valibot';
import { parseInput } from '../input/parse-input.js';
import { AkSkCredentialsSchema, type AkSkCredentials } from './credentials.js';
import { canonicalRequest, signedHeaderList } from './canonical-request.js';
import { hmacKey, hmacSha256Hex, sha256Hex } from './web-crypto.js';

/** The algorithm name, first in the string to sign and in the `Authorization` header. */
const ALGORITHM = 'SDK-HMAC-SHA256';

/** `20191115T033655Z`: the `X-Sdk-Date` format (UTC). */
function formatSdkDate(date: Date): string {
  return date.toISOString().replace(/[-:]|\.\d{3}/g, '');
}

/**
 * The headers to sign: every header of the request except `authorization` and names with an
 * underscore (which gateways drop, and every official SDK skips), keyed by lower-case name.
 */
function headersToSign(headers: Headers): Map<string, string> {
  const signed = new Map<string, string>();
  for (const [name, value] of headers) {
    if (name !== 'authorization' && !name.includes('_')) signed.set(name, value);
  }
  return signed;
}

/**
 * Signing keys already imported, per credentials object: a client signs every request with
 * the same object, so its key is imported once. A changed secret gets a new key.
 */
const keys = new WeakMap<AkSkCredentials, { secretKey: string; key: Promise<CryptoKey> }>();

/** The signing key of the credentials, imported once per credentials object and secret. */
function signingKey(credentials: AkSkCredentials): Promise<CryptoKey> {
  const cached = keys.get(credentials);
  if (cached?.secretKey === credentials.secretKey) return cached.key;
  const key = hmacKey(credentials.secretKey);
  keys.set(credentials, { secretKey: credentials.secretKey, key });
  return key;
}

/** Input of {@link signRequest}. */
const SignRequestInputSchema = v.object({
  request: v.instance(Request, 'must be a Request'),
  credentials: AkSkCredentialsSchema,
  date: v.optional(v.date('must be a valid Date')),
});

/**
 * Signs a request with AK/SK, the Huawei Cloud / Open Telekom Cloud API gateway's
 * `SDK-HMAC-SHA256` algorithm (`Authorization: SDK-HMAC-SHA256 Access=…, SignedHeaders=…,
 * Signature=…`), using WebCrypto, so it runs in browsers and Node alike.
 *
 * - `X-Sdk-Date` is set from `date`; without `date`, a date already on the request is kept,
 *   else the current time is used. The gateway refuses dates more than 15 minutes off.
 * - `X-Security-Token` is set (and signed) for temporary credentials.
 * - Every header on the request is signed (but `Authorization` and names with `_`). A browser
 *   cannot set `Host`, so `host` is signed only when the request carries it.
 * - The body hash is of the exact bytes sent, or the `X-Sdk-Content-Sha256` header's value.
 *
 * @param request The request to sign; it is not modified.
 * @param credentials The access key, secret key and, for temporary credentials, security token.
 * @param date The signing time. @default the request's `X-Sdk-Date`, else now
 * @returns A new request with the `X-Sdk-Date` and `Authorization` headers.
 * @throws {EcsInputError} When an argument is invalid (a secret is never shown).
 */
export async function signRequest(request: Request, credentials: AkSkCredentials, date?: Date): Promise<Request> {
  parseInput('signRequest', '', SignRequestInputSchema, { request, credentials, date });
  const headers = new Headers(request.headers);
  headers.delete('authorization');
  const sdkDate = date ? formatSdkDate(date) : (headers.get('x-sdk-date') ?? formatSdkDate(new Date()));
  headers.set('X-Sdk-Date', sdkDate);
  if (credentials.securityToken !== undefined) headers.set('X-Security-Token', credentials.securityToken);

  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  const body = hasBody ? await request.clone().arrayBuffer() : undefined;
  const bodyHash = headers.get('x-sdk-content-sha256') ?? (await sha256Hex(body ?? ''));
  const signed = headersToSign(headers);
  const canonical = canonicalRequest({ method: request.method, url: new URL(request.url), headers: signed, bodyHash });
  const stringToSign = `${ALGORITHM}\n${sdkDate}\n${await sha256Hex(canonical)}`;
  const signature = await hmacSha256Hex(await signingKey(credentials), stringToSign);
  headers.set(
    'Authorization',
    `${ALGORITHM} Access=${credentials.accessKey}, SignedHeaders=${signedHeaderList(signed)}, Signature=${signature}`,
  );
  return new Request(request, { headers, body: body ?? null });
}
