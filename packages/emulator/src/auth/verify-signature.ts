/**
 * Huawei Cloud `SDK-HMAC-SHA256` AK/SK signatures, the `Access=` variant (ecs-api.md §6.2):
 * recomputed from the request as received, with node:crypto.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** Request headers by name, in any case (Node's `IncomingHttpHeaders` fits). */
export type HeaderValues = Readonly<Record<string, string | readonly string[] | undefined>>;

/** What the signature covers. */
export interface SignatureInput {
  /** HTTP method, e.g. `GET`. */
  readonly method: string;
  /** The path with its query as sent (`/v1/p/vpcs?limit=2`), or an absolute URL. */
  readonly url: string;
  /** All request headers; only `signedHeaders` are read. */
  readonly headers: HeaderValues;
  /** Names of the signed headers, e.g. `['host', 'x-sdk-date']` (any case, any order). */
  readonly signedHeaders: readonly string[];
  /** The exact body bytes; none means empty. */
  readonly body?: string | Uint8Array;
}

/** A request as the emulator received it. */
export interface ReceivedRequest {
  /** HTTP method. */
  readonly method: string;
  /** The raw request target (path and query), as sent. */
  readonly url: string;
  /** Request headers. */
  readonly headers: HeaderValues;
  /** The raw body bytes. */
  readonly body: Uint8Array;
}

/** Why a signed request was refused. */
export type SignatureFailure =
  'malformed-authorization' | 'unknown-access-key' | 'date-missing' | 'date-not-signed' | 'date-expired' | 'signature-mismatch';

/** The outcome of `verifyRequest`. */
export type VerifyResult =
  { readonly ok: true; readonly accessKey: string } | { readonly ok: false; readonly reason: SignatureFailure };

/** The `Authorization` scheme. */
const SIGNING_ALGORITHM = 'SDK-HMAC-SHA256';
/** How far `X-Sdk-Date` may be from the verifier's clock, in milliseconds (15 minutes). */
export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

const AUTHORIZATION = /^SDK-HMAC-SHA256\s+Access=([^,\s]+)\s*,\s*SignedHeaders=([^,\s]+)\s*,\s*Signature=([0-9a-fA-F]+)\s*$/;
const SDK_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/**
 * The canonical request: method, canonical URI (each segment decoded then re-encoded, ending
 * with `/`), canonical query (sorted by key then value), canonical headers, signed header
 * names, and the hex SHA-256 of the body (or the `X-Sdk-Content-Sha256` header when present).
 */
export function canonicalRequest(input: SignatureInput): string {
  const headers = lowerCaseHeaders(input.headers);
  const names = normalizeNames(input.signedHeaders);
  const { path, query } = splitTarget(input.url);
  const canonicalHeaders = names.map((name) => `${name}:${(headers.get(name) ?? '').trim()}\n`).join('');
  const bodyHash = headers.get('x-sdk-content-sha256') ?? sha256Hex(input.body ?? '');
  return [
    input.method.toUpperCase(),
    canonicalUri(path),
    canonicalQuery(query),
    canonicalHeaders,
    names.join(';'),
    bodyHash,
  ].join('\n');
}

/** `SDK-HMAC-SHA256\n{X-Sdk-Date}\n{hex sha256 of the canonical request}`. */
export function stringToSign(canonical: string, sdkDate: string): string {
  return `${SIGNING_ALGORITHM}\n${sdkDate}\n${sha256Hex(canonical)}`;
}

/** The hex signature: HMAC-SHA256 keyed with the secret key over the string to sign. Pure. */
export function computeSignature(input: SignatureInput & { readonly secretKey: string }): string {
  const sdkDate = lowerCaseHeaders(input.headers).get('x-sdk-date') ?? '';
  return createHmac('sha256', input.secretKey)
    .update(stringToSign(canonicalRequest(input), sdkDate))
    .digest('hex');
}

/**
 * Verifies an AK/SK-signed request against the verifier's clock `now`: the `Authorization`
 * header parses, the access key is known, `X-Sdk-Date` is present, signed and within 15 minutes
 * of `now`, and the signature matches the one recomputed from the request.
 */
export function verifyRequest(
  request: ReceivedRequest,
  secretKeyOf: (accessKey: string) => string | undefined,
  now: Date | number,
): VerifyResult {
  const headers = lowerCaseHeaders(request.headers);
  const match = AUTHORIZATION.exec(headers.get('authorization') ?? '');
  const [, accessKey, signedList, signature] = match ?? [];
  if (accessKey === undefined || signedList === undefined || signature === undefined) return refuse('malformed-authorization');
  const secretKey = secretKeyOf(accessKey);
  if (secretKey === undefined) return refuse('unknown-access-key');
  const sdkDate = headers.get('x-sdk-date');
  const date = sdkDate === undefined ? undefined : parseSdkDate(sdkDate);
  if (date === undefined) return refuse('date-missing');
  const signedHeaders = signedList.split(';');
  if (!normalizeNames(signedHeaders).includes('x-sdk-date')) return refuse('date-not-signed');
  if (Math.abs(Number(now) - date) > MAX_CLOCK_SKEW_MS) return refuse('date-expired');
  const expected = computeSignature({ ...request, signedHeaders, secretKey });
  const received = signature.toLowerCase();
  const same = received.length === expected.length && timingSafeEqual(Buffer.from(received), Buffer.from(expected));
  return same ? { ok: true, accessKey } : refuse('signature-mismatch');
}

/** Epoch milliseconds of an `X-Sdk-Date` (`YYYYMMDDTHHMMSSZ`, UTC), or undefined when malformed. */
export function parseSdkDate(value: string): number | undefined {
  const parts = SDK_DATE.exec(value)?.slice(1).map(Number);
  if (parts === undefined) return undefined;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = parts;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls impossible dates over (month 13, 31 April...): only a round trip proves the date real.
  const roundTrip = new Date(ms)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replaceAll(/[-:]/g, '');
  return roundTrip === value ? ms : undefined;
}

function refuse(reason: SignatureFailure): VerifyResult {
  return { ok: false, reason };
}

function lowerCaseHeaders(headers: HeaderValues): Map<string, string> {
  const map = new Map<string, string>();
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) map.set(name.toLowerCase(), typeof value === 'string' ? value : value.join(','));
  }
  return map;
}

function normalizeNames(names: readonly string[]): string[] {
  return names
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '')
    .sort();
}

/** The raw (still percent-encoded) path and query of a request target or an absolute URL. */
export function splitTarget(url: string): { path: string; query: string } {
  if (/^https?:\/\//i.test(url)) {
    const parsed = new URL(url);
    return { path: parsed.pathname, query: parsed.search.slice(1) };
  }
  const mark = url.indexOf('?');
  return mark === -1 ? { path: url, query: '' } : { path: url.slice(0, mark), query: url.slice(mark + 1) };
}

function canonicalUri(path: string): string {
  const uri = path
    .split('/')
    .map((segment) => encode(decode(segment)))
    .join('/');
  return uri.endsWith('/') ? uri : `${uri}/`;
}

function canonicalQuery(query: string): string {
  const pairs = query
    .split('&')
    .filter((part) => part !== '')
    .map((part): [string, string] => {
      const eq = part.indexOf('=');
      // As URLSearchParams does (and Go's url.Query(), used by the Go SDK signer), `+` is a space.
      const [key, value] = eq === -1 ? [part, ''] : [part.slice(0, eq), part.slice(eq + 1)];
      return [decode(key.replaceAll('+', ' ')), decode(value.replaceAll('+', ' '))];
    });
  pairs.sort(([k1, v1], [k2, v2]) => compare(k1, k2) || compare(v1, v2));
  return pairs.map(([key, value]) => `${encode(key)}=${encode(value)}`).join('&');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Percent-encodes all but `A-Z a-z 0-9 - _ . ~`, with upper-case hex. */
function encode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
