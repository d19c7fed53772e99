import { ProxyRefusal } from './ProxyRefusal.js';

/** The longest request target accepted (a `cloudvolumes/detail` call with 60 ids is about 3000). */
const MAX_TARGET_LENGTH = 8192;

/** A path (origin-form) with an optional query, of printable ASCII only: no space, no control or non-ASCII character. */
const ORIGIN_FORM = /^\/[\x21-\x7e]*$/;

/** Characters that make a path mean something else to someone: escapes (`%2e`, `%2f`) and backslashes. */
const AMBIGUOUS_CHARACTERS = /[%\\]/;

/** A checked request target. */
export interface RequestTarget {
  /** The path segments after the base path, none empty, `.` or `..`. */
  readonly segments: readonly string[];
  /** The query, parsed. */
  readonly query: URLSearchParams;
}

/**
 * Checks a raw request target (`/path?query`, as on the request line) without resolving
 * anything: refuses what is not a plain path (absolute-form, `*`, a fragment, a space, a
 * non-ASCII or control character, too long) and any path that URL parsing or an upstream
 * server could read differently from how it reads here: dot segments, empty segments,
 * backslashes, and percent-encoding of any kind (the client never encodes a path character:
 * its ids are letters, digits, `.`, `_` and `-`).
 * @throws {ProxyRefusal} `malformedRequest` or `ambiguousPath`.
 * @internal
 */
export function assertPlainTarget(target: string): void {
  if (target.length > MAX_TARGET_LENGTH || !ORIGIN_FORM.test(target) || target.includes('#')) {
    throw new ProxyRefusal('malformedRequest');
  }
  const path = pathOf(target);
  const segments = path.slice(1).split('/');
  if (AMBIGUOUS_CHARACTERS.test(path) || segments.some((segment) => segment === '' || segment === '.' || segment === '..')) {
    throw new ProxyRefusal('ambiguousPath');
  }
}

/** The path of a target: everything before the first `?`. */
function pathOf(target: string): string {
  const query = target.indexOf('?');
  return query === -1 ? target : target.slice(0, query);
}

/**
 * Checks a request target and takes the base path off it.
 * @param target The path and query, e.g. `/ecs-proxy/v1/{project_id}/jobs/{job_id}`.
 * @param basePath Where the proxy is mounted, e.g. `/ecs-proxy`, or `''`.
 * @throws {ProxyRefusal} `malformedRequest`, `ambiguousPath` or `outsideBasePath`.
 * @internal
 */
export function parseTarget(target: string, basePath: string): RequestTarget {
  assertPlainTarget(target);
  const path = pathOf(target);
  if (path !== basePath && !path.startsWith(`${basePath}/`)) throw new ProxyRefusal('outsideBasePath');
  const rest = path.slice(basePath.length);
  return {
    segments: rest === '' ? [] : rest.slice(1).split('/'),
    query: new URLSearchParams(target.slice(path.length)),
  };
}
