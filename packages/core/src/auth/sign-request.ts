import * as v from 'valibot';
import { parseInput } from '../input/parse-input.js';
import { AkSkCredentialsSchema, type AkSkCredentials } from './credentials.js';
import { canonicalRequest, signedHeaderList } from './canonical-request.js';
import { hmacSha256Signer, sha256Hex } from '#crypto';

/** The algorithm name, first in the string to sign and in the `Authorization` header. */
const ALGORITHM = 'SDK-HMAC-SHA256';

/** The hex SHA-256 of no bytes at all: the body hash of every GET, known without hashing. */
const EMPTY_BODY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

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

/** An HMAC-SHA256 of text under one secret key, in hex. */
type Signer = (data: string) => Promise<string>;

/**
 * Signers already made, per credentials object: a client signs every request with the same
 * object, so its key is made once. A changed secret gets a new signer.
 */
const signers = new WeakMap<AkSkCredentials, { secretKey: string; sign: Signer }>();

/** The signer of the credentials, made once per credentials object and secret. */
function signerOf(credentials: AkSkCredentials): Signer {
  const cached = signers.get(credentials);
  if (cached?.secretKey === credentials.secretKey) return cached.sign;
  const sign = hmacSha256Signer(credentials.secretKey);
  signers.set(credentials, { secretKey: credentials.secretKey, sign });
  return sign;
}

/**
 * Reads the body of a request as bytes, none for GET and HEAD, from a clone, so the request
 * stays readable (at the cost of a tee, more than the signature itself costs).
 * @internal
 */
export async function readRequestBody(request: Request): Promise<ArrayBuffer | undefined> {
  if (request.method === 'GET' || request.method === 'HEAD' || request.body === null) return undefined;
  return request.clone().arrayBuffer();
}

/**
 * Signs in place: sets `X-Sdk-Date` (from `date`, else the one in `headers`, else now),
 * `X-Security-Token` for temporary credentials, and `Authorization` on `headers`, for a request
 * of `method` to `url` with `body` (bytes, or text hashed as UTF-8, as a `Request` sends it; none
 * for a request without a body). Takes credentials already validated (the client's,
 * validated once when it was created).
 * @internal
 */
export async function signHeaders(
  headers: Headers,
  request: { method: string; url: string; body: ArrayBuffer | string | undefined },
  credentials: AkSkCredentials,
  date: Date | undefined,
): Promise<void> {
  const sdkDate = date ? formatSdkDate(date) : (headers.get('x-sdk-date') ?? formatSdkDate(new Date()));
  headers.set('X-Sdk-Date', sdkDate);
  if (credentials.securityToken !== undefined) headers.set('X-Security-Token', credentials.securityToken);
  const bodyHash =
    headers.get('x-sdk-content-sha256') ?? (request.body === undefined ? EMPTY_BODY_SHA256 : await sha256Hex(request.body));
  const signed = headersToSign(headers);
  const canonical = canonicalRequest({ method: request.method, url: new URL(request.url), headers: signed, bodyHash });
  const stringToSign = `${ALGORITHM}\n${sdkDate}\n${await sha256Hex(canonical)}`;
  const signature = await signerOf(credentials)(stringToSign);
  headers.set(
    'Authorization',
    `${ALGORITHM} Access=${credentials.accessKey}, SignedHeaders=${signedHeaderList(signed)}, Signature=${signature}`,
  );
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
 * Signature=…`), with `node:crypto` in Node and WebCrypto in browsers.
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
  const body = await readRequestBody(request);
  const signed = new Request(request, { body: body ?? null });
  await signHeaders(signed.headers, { method: request.method, url: request.url, body }, credentials, date);
  return signed;
}
