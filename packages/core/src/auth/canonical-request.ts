/**
 * Percent-encodes every UTF-8 byte of `text` except the RFC 3986 unreserved characters
 * (`A-Z a-z 0-9 - _ . ~`), with upper-case hex and a space as `%20` (ecs-api.md §6.2).
 * `encodeURIComponent` does that but also spares `! ' ( ) *`, which are encoded here.
 */
function encode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Decodes a path, leaving it as it is when an escape is malformed. */
function decodeSegment(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** A path that decoding and encoding leave as it is: unreserved characters and `/` only, no escape. */
const PLAIN_PATH = /^[\w.~/-]*$/;

/**
 * The canonical URI: the path decoded, then each segment re-encoded, always ending with `/`
 * ("a URI must end with a slash for signature calculation"). Decoding before splitting is what
 * the official Go and Python signers do, so an encoded `/` (`%2F`) splits a segment there too.
 * A plain path (every API path the client sends) is its own canonical form, taken as it is.
 */
function canonicalUri(pathname: string): string {
  const path = PLAIN_PATH.test(pathname) ? pathname : decodeSegment(pathname).split('/').map(encode).join('/');
  return path.endsWith('/') ? path : `${path}/`;
}

/** The canonical query string: sorted by key, then by value, each part encoded. */
function canonicalQuery(searchParams: URLSearchParams): string {
  const keys = [...new Set(searchParams.keys())].sort();
  return keys
    .flatMap((key) =>
      searchParams
        .getAll(key)
        .sort()
        .map((value) => `${encode(key)}=${encode(value)}`),
    )
    .join('&');
}

/** What a canonical request is made of. */
export interface CanonicalRequestParts {
  method: string;
  url: URL;
  /** Lower-case name to value, for the signed headers only. */
  headers: ReadonlyMap<string, string>;
  /** Hex SHA-256 of the body, or the `X-Sdk-Content-Sha256` value. */
  bodyHash: string;
}

/**
 * The names of the signed headers, lower-case, sorted and joined with `;`.
 * @internal
 */
export function signedHeaderList(headers: ReadonlyMap<string, string>): string {
  return [...headers.keys()].sort().join(';');
}

/**
 * Builds the canonical request of the `SDK-HMAC-SHA256` algorithm (ecs-api.md §6.2 step 1).
 * @internal
 */
export function canonicalRequest({ method, url, headers, bodyHash }: CanonicalRequestParts): string {
  const names = [...headers.keys()].sort();
  const canonicalHeaders = names.map((name) => `${name}:${(headers.get(name) ?? '').trim()}\n`).join('');
  return [
    method.toUpperCase(),
    canonicalUri(url.pathname),
    url.search === '' ? '' : canonicalQuery(url.searchParams),
    canonicalHeaders,
    signedHeaderList(headers),
    bodyHash,
  ].join('\n');
}
