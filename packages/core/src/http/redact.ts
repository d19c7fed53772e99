/** What stands in for a secret found in text. */
const REDACTED = '[redacted]';

/**
 * Secrets shorter than this are not masked: masking every `ab` would garble all output and
 * hide nothing. Four characters and more are masked, even though short ones garble some text.
 */
const MIN_SECRET_LENGTH = 4;

/** Values nested deeper than this are replaced whole by the mask: a hostile body cannot make masking recurse far. */
const MAX_DEPTH = 64;

/** The user info of a URL (`https://user:password@host`): the scheme, then everything up to the `@`. */
const URL_USER_INFO = /\b([a-z][a-z\d+.-]*:\/\/)[^\s/?#@"'<>]+@/gi;

/** Characters with a meaning in a regular expression. */
const REGEX_SPECIAL = /[.*+?^${}()|[\]\\/-]/g;

/** The UTF-8 bytes of a secret as base64 (`btoa` works in Node and browsers). */
function base64Of(bytes: Uint8Array): string {
  return btoa(Array.from(bytes, (byte) => String.fromCharCode(byte)).join(''));
}

/**
 * The base64 characters that depend on the secret alone, at each of the three byte alignments
 * it can have inside longer base64 (`Basic base64(user:password)`), in the standard and the
 * URL alphabet. A character that also holds bits of the text around it is left out.
 */
function base64Forms(secret: string): string[] {
  const bytes = new TextEncoder().encode(secret);
  return [0, 1, 2].flatMap((offset) => {
    const padded = new Uint8Array(offset + bytes.length);
    padded.set(bytes, offset);
    const first = Math.ceil((8 * offset) / 6);
    const end = Math.floor((8 * (offset + bytes.length)) / 6);
    const standard = base64Of(padded).slice(first, end);
    return [standard, standard.replaceAll('+', '-').replaceAll('/', '_')];
  });
}

/** The secret as `JSON.stringify` writes it inside a string, and with every non-ASCII character as `\uXXXX`. */
function jsonForms(secret: string): string[] {
  const escaped = JSON.stringify(secret).slice(1, -1);
  const ascii = escaped.replace(/[^\x20-\x7e]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return [escaped, ascii, JSON.stringify(escaped).slice(1, -1)];
}

/** The secret percent-encoded as `encodeURIComponent` does, with upper- and lower-case hex digits. */
function percentForms(secret: string): string[] {
  const encoded = encodeURIComponent(secret);
  return [encoded, encoded.replace(/%[\dA-F]{2}/g, (escape) => escape.toLowerCase())];
}

/** The secret with HTML's special characters as entities, as an HTML error page shows it. */
function htmlForm(secret: string): string {
  const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
  return secret.replace(/[&<>"']/g, (char) => entities[char] ?? char);
}

/** Every form in which a secret may be written back. */
function formsOf(secret: string): string[] {
  return [secret, ...percentForms(secret), ...jsonForms(secret), htmlForm(secret), ...base64Forms(secret)];
}

/** One pattern for all forms of all secrets, longest first; undefined when there is nothing to mask. */
function patternOf(secrets: readonly string[]): RegExp | undefined {
  const forms = new Set(secrets.filter((secret) => secret.length >= MIN_SECRET_LENGTH).flatMap((secret) => formsOf(secret)));
  const alternatives = [...forms]
    .filter((form) => form.length >= MIN_SECRET_LENGTH)
    .sort((a, b) => b.length - a.length)
    .map((form) => form.replace(REGEX_SPECIAL, '\\$&'));
  return alternatives.length === 0 ? undefined : new RegExp(alternatives.join('|'), 'g');
}

/** The pattern of each list of secrets seen, so that a stream masking every write builds it once. */
const patterns = new WeakMap<readonly string[], RegExp | undefined>();

/** The cached pattern of `secrets`. */
function cachedPatternOf(secrets: readonly string[]): RegExp | undefined {
  if (!patterns.has(secrets)) patterns.set(secrets, patternOf(secrets));
  return patterns.get(secrets);
}

/**
 * `text` with each secret of 4 or more characters replaced by `[redacted]`, in every form a
 * server, a proxy or a formatter may write it back: as it is, percent-encoded
 * (`encodeURIComponent`, either case of hex digits), JSON-escaped (as `JSON.stringify` writes it
 * inside a string, also with `\uXXXX` for non-ASCII, and escaped twice), HTML-escaped, and in
 * base64 and base64url (alone, or inside longer base64 such as `Basic` credentials). The user
 * info of any URL (`https://user:password@host`) is masked too, whatever the secrets. Shorter
 * secrets are not masked; a 4-character secret that occurs in ordinary words garbles them.
 *
 * It is exported so that every tool built on the client (the `ecs-resize` CLI: its output
 * streams, its `--json` and its journal) masks with this one implementation.
 *
 * @example
 * redactSecrets('echo: tok%2Bsecret', ['tok+secret']); // 'echo: [redacted]'
 */
export function redactSecrets<T extends string | undefined>(text: T, secrets: readonly string[]): T {
  if (text === undefined) return text;
  const pattern = cachedPatternOf(secrets);
  const masked = pattern === undefined ? text : text.replace(pattern, REDACTED);
  return masked.replace(URL_USER_INFO, `$1${REDACTED}@`) as T;
}

/**
 * A copy of `value` (from a response: JSON data) in which every string, key and value, is
 * masked with {@link redactSecrets}; anything nested deeper than 64 levels becomes the mask.
 * @internal
 */
export function redactSecretsDeep<T>(value: T, secrets: readonly string[], depth = 0): T {
  if (typeof value === 'string') return redactSecrets(value, secrets) as T;
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= MAX_DEPTH) return REDACTED as T;
  if (Array.isArray(value)) return value.map((item: unknown) => redactSecretsDeep(item, secrets, depth + 1)) as T;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [redactSecrets(key, secrets), redactSecretsDeep(item, secrets, depth + 1)]),
  ) as T;
}
