/**
 * fast-check arbitraries shared by the property, hostile and secrets suites: ids that try to
 * escape their path segment, and the parts of a request for the AK/SK signer.
 */
import fc from 'fast-check';

/** The fixed seed and run count of every property. */
export const PROPERTY_PARAMETERS = { seed: 20_240_601, numRuns: 200 } as const;

/**
 * Pieces of text that try to change a URL or a header: separators, dot segments, escapes
 * (raw and encoded), whitespace, control characters, CR/LF, look-alikes and non-ASCII.
 */
export const ID_PIECES = [
  '/',
  '?',
  '#',
  '%',
  '.',
  '..',
  '%2e%2e',
  '%2E%2E',
  '%2e',
  '%2f',
  '%2F',
  '%5c',
  '%00',
  '%0d%0a',
  '..%2f',
  '%252e%252e',
  '\\',
  ' ',
  '\t',
  '\n',
  '\r',
  '\r\n',
  '\0',
  '\x7f',
  '\x1b',
  '\u0085',
  '\u2028',
  '\u00a0',
  '\ufeff',
  '\u202e',
  '\u200b',
  '&',
  '=',
  ';',
  '+',
  '@',
  ':',
  ',',
  "'",
  '"',
  '<',
  '>',
  '{',
  '}',
  '|',
  '^',
  '`',
  '[',
  ']',
  '*',
  '!',
  '$',
  '(',
  ')',
  'é',
  'Ω',
  '日本',
  '💥',
  '\u212a',
  'ﬀ',
  'Ａ',
  'a',
  'Z',
  '0',
  '9',
  '-',
  '_',
  '~',
  'srv',
  'v1',
  'jobs',
  'x-auth-token: x',
] as const;

/** Ids the design accepts: letters, digits, `.`, `_`, `-`, starting with a letter or digit, no `..`. */
export const validIdArb = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/).filter((id) => !id.includes('..'));

/** Any string an id parameter might be given: valid ids, UUIDs, and strings built to break out. */
export const hostileIdArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: validIdArb },
  { weight: 1, arbitrary: fc.uuid() },
  { weight: 4, arbitrary: fc.array(fc.constantFrom(...ID_PIECES), { maxLength: 10 }).map((pieces) => pieces.join('')) },
  { weight: 2, arbitrary: fc.tuple(validIdArb, fc.constantFrom(...ID_PIECES), validIdArb).map(([a, piece, b]) => a + piece + b) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 24 }) },
  { weight: 1, arbitrary: fc.integer({ min: 120, max: 140 }).map((length) => 'a'.repeat(length)) },
);

/**
 * True for an id that design.md says must be refused, because it could change the path, a
 * query or a header: empty, longer than 128, or holding `/ ? # % \`, `..`, whitespace or a
 * control character.
 */
export function mustBeRefused(id: string): boolean {
  return id === '' || id.length > 128 || /[/?#%\\\s\0-\x1f\x7f-\x9f]/u.test(id) || id.includes('..');
}

/** A UUID in its text form: what a server id also is (ecs-api.md §4, "UUID of the ECS"). */
const UUID_TEXT = /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/i;

/** True for a server id that must be refused: one {@link mustBeRefused} refuses, or no UUID. */
export function mustBeRefusedAsServerId(id: string): boolean {
  return mustBeRefused(id) || !UUID_TEXT.test(id);
}

/** Any string a server id parameter might be given: hostile ids, UUIDs, and UUIDs with a piece to break out. */
export const hostileServerIdArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: hostileIdArb },
  { weight: 2, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.tuple(fc.uuid(), fc.constantFrom(...ID_PIECES)).map(([uuid, piece]) => uuid + piece) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...ID_PIECES), fc.uuid()).map(([piece, uuid]) => piece + uuid) },
);

/** Characters a path segment or query part may hold raw or that must be encoded. */
const RESERVED = [
  '/',
  '?',
  '#',
  '%',
  '&',
  '=',
  '+',
  ';',
  ',',
  ':',
  '@',
  '$',
  '!',
  "'",
  '(',
  ')',
  '*',
  '[',
  ']',
  ' ',
  '~',
  '.',
  '..',
  '%2F',
  '%20',
  '%zz',
] as const;

/** A decoded path segment or query part: unicode, reserved characters, escapes, empty. */
export const urlTextArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 10 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 10 }) },
  {
    weight: 3,
    arbitrary: fc
      .array(fc.oneof(fc.constantFrom(...RESERVED), fc.stringMatching(/^[a-z0-9]{1,4}$/)), { maxLength: 6 })
      .map((parts) => parts.join('')),
  },
  { weight: 2, arbitrary: fc.stringMatching(/^[A-Za-z0-9_.~-]{0,8}$/) },
);

/** Sub-delimiters a path may carry unencoded; each is sometimes sent raw. */
const RAW_IN_PATH = /%(3B|2C|3D|3A|40|24|26|2B)/g;

/** A URL path built from decoded segments, each percent-encoded, some sub-delimiters raw. */
export const pathArb: fc.Arbitrary<{ segments: string[]; path: string }> = fc
  .tuple(fc.array(urlTextArb, { maxLength: 5 }), fc.boolean(), fc.boolean())
  .map(([segments, raw, trailingSlash]) => {
    const encoded = segments.map((segment) => {
      const text = encodeURIComponent(segment);
      return raw ? text.replace(RAW_IN_PATH, (escape) => decodeURIComponent(escape)) : text;
    });
    return { segments, path: `/${encoded.join('/')}${trailingSlash && encoded.length > 0 ? '/' : ''}` };
  });

/** Query keys: a few that repeat (to get repeated keys), and anything. */
const queryKeyArb = fc.oneof(fc.constantFrom('limit', 'marker', 'multi', 'a', 'A', 'ids', ''), urlTextArb);
/** Query values: often empty. */
const queryValueArb = fc.oneof(fc.constant(''), urlTextArb);

/** A raw query string (without `?`) and the pairs it holds, spaces as `%20` or `+`, some keys without `=`. */
export const queryArb: fc.Arbitrary<string> = fc
  .array(fc.tuple(queryKeyArb, queryValueArb, fc.constantFrom('%20', '+'), fc.boolean()), { maxLength: 6 })
  .map((pairs) =>
    pairs
      .map(([key, value, space, bare]) => {
        const encode = (text: string) => encodeURIComponent(text).replaceAll('%20', space);
        return bare && value === '' ? encode(key) : `${encode(key)}=${encode(value)}`;
      })
      .join('&'),
  );

/** A printable ASCII header value without surrounding blanks. */
export const headerValueArb = fc.stringMatching(/^[\x21-\x7e]([\x20-\x7e]{0,24}[\x21-\x7e])?$/);

/** Extra request headers: distinct names (some with `_`, which are not signed), printable values. */
export const headersArb: fc.Arbitrary<[string, string][]> = fc.uniqueArray(
  fc.tuple(
    fc.oneof(
      fc.stringMatching(/^x-[a-z0-9-]{1,10}$/),
      fc.constantFrom('Content-Type', 'Accept', 'X_Under_Score', 'X-Project-Id', 'Host'),
    ),
    headerValueArb,
  ),
  { maxLength: 5, selector: ([name]) => name.toLowerCase() },
);
