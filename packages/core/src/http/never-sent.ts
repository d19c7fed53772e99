/**
 * System error codes that prove the connection was never made, so the request never left:
 * refused (nothing listens), the name not found, no route, no such local address or address
 * family (an IPv6 attempt of happy eyeballs on a host without IPv6), or the connect timing out.
 */
const NEVER_SENT_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'EADDRNOTAVAIL',
  'EAFNOSUPPORT',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** How deep the causes of a fetch error are followed: far more than any runtime nests them. */
const MAX_CAUSE_DEPTH = 8;

/**
 * Every error code in a fetch error's causes, at any depth: `cause` chains (undici's
 * `TypeError: fetch failed` → `Error: connect ECONNREFUSED`, a wrapping `fetch` the caller
 * passed), and each attempt of an aggregate (Node's happy eyeballs tries every address of a
 * host and fails with an `AggregateError` of them). Aggregates are recognised by their
 * `errors` array, not `instanceof`, which fails across realms. Bounded, so a cycle ends.
 */
function causeCodes(error: unknown, depth = 0): string[] {
  if (typeof error !== 'object' || error === null || depth > MAX_CAUSE_DEPTH) return [];
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  const nested = [cause, ...(Array.isArray(errors) ? (errors as unknown[]) : [])];
  return [...(typeof code === 'string' ? [code] : []), ...nested.flatMap((inner) => causeCodes(inner, depth + 1))];
}

/**
 * True only when a fetch failure proves the request never reached the server: it names at
 * least one error code, and every code it names, at any depth, is one of a connection never
 * made (`ECONNREFUSED`, `ENOTFOUND`, ...). A browser never says why, so it is never proven
 * there, and a reset or a timeout may come after the server has the request.
 * @internal
 */
export function provesNeverSent(error: unknown): boolean {
  const codes = causeCodes(error);
  return codes.length > 0 && codes.every((code) => NEVER_SENT_CODES.has(code));
}
