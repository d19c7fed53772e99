/** What stands in for a secret found in text. */
const MASK = '[redacted]';

/**
 * Replaces every occurrence of each secret in `text` with a mask, so that a body echoing a
 * header (a hostile or debugging proxy) cannot leak a token or key into an error.
 * @internal
 */
export function redact(text: string | undefined, secrets: readonly string[]): string | undefined {
  return text === undefined ? undefined : secrets.reduce((out, secret) => out.split(secret).join(MASK), text);
}
