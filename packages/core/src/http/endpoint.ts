import * as v from 'valibot';
import { trimEnd } from '../utils/trim-end.js';

/** An absolute http(s) URL without query, fragment or user info. */
function isAbsoluteHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && !url.search && !url.hash && !url.username && !url.password;
  } catch {
    return false;
  }
}

/** What a bad absolute endpoint is told. */
const ABSOLUTE_MESSAGE =
  'must be an absolute http(s) URL such as https://ecs.eu-de.otc.t-systems.com (no query, fragment or credentials)';

/**
 * An absolute http(s) endpoint without query, fragment or user info.
 * @internal
 */
export const AbsoluteEndpointSchema = v.pipe(v.string('must be a string'), v.check(isAbsoluteHttpUrl, ABSOLUTE_MESSAGE));

/**
 * An absolute http(s) endpoint, or (in a browser) a same-origin path such as `/ecs-proxy`.
 * @internal
 */
export const EndpointSchema = v.pipe(
  v.string('must be a string'),
  v.check(
    (endpoint) => /^\/(?!\/)[A-Za-z0-9._~\-/]*$/.test(endpoint) || isAbsoluteHttpUrl(endpoint),
    `${ABSOLUTE_MESSAGE}, or a same-origin path such as /ecs-proxy`,
  ),
);

/**
 * An endpoint as an absolute base URL without a trailing slash; a path is resolved against
 * `page` (the browser page's URL).
 * @internal
 */
export function baseUrlOf(endpoint: string, page?: string): string {
  return trimEnd(new URL(endpoint, page).href, '/');
}

/**
 * The EVS endpoint beside an ECS one: the `ecs.` host prefix swapped for `evs.`
 * (`https://ecs.eu-de.otc.t-systems.com` → `https://evs.eu-de.otc.t-systems.com`); any other
 * base (a proxy, the emulator) serves both.
 * @internal
 */
export function evsBeside(ecsBase: string): string {
  const url = new URL(ecsBase);
  if (!url.hostname.startsWith('ecs.')) return ecsBase;
  url.hostname = `evs.${url.hostname.slice('ecs.'.length)}`;
  return baseUrlOf(url.href);
}
