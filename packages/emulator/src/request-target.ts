import { splitTarget } from './auth/verify-signature.js';

/** A request target the emulator can serve: its raw (still percent-encoded) path and query. */
export interface RequestTarget {
  /** The path, e.g. `/v1/{project_id}/jobs/{job_id}`, percent-encoded as received. */
  readonly path: string;
  /** The query string, without the `?`. */
  readonly query: string;
}

/**
 * Reads a request line's target, or returns undefined when it is malformed: neither a path
 * (origin-form, `/…`) nor an absolute `http(s)` URL that parses (`http://[`, `http://a:b:c/`,
 * `http://%zz/`), or with a `%` escape that does not decode (`/%zz`). Node's parser lets such
 * targets through; URL parsing of them throws.
 */
export function readTarget(target: string): RequestTarget | undefined {
  if (!target.startsWith('/') && !/^https?:\/\//i.test(target)) return undefined;
  try {
    const { path, query } = splitTarget(target);
    decodeURIComponent(path);
    decodeURIComponent(query);
    return { path, query };
  } catch {
    return undefined;
  }
}
