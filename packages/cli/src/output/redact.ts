import type { OutputStream } from './output-stream.js';

/** What a secret is replaced with. */
const MASK = '[redacted]';

/** Secrets shorter than this are not masked: replacing a few common characters would garble the output. */
const MIN_SECRET_LENGTH = 8;

/** `text` with every occurrence of each secret (long enough to mask) replaced by `[redacted]`. */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  return secrets
    .filter((secret) => secret.length >= MIN_SECRET_LENGTH)
    .reduce((result, secret) => result.replaceAll(secret, MASK), text);
}

/**
 * `stream`, with every occurrence of each secret replaced by `[redacted]`. A second line of
 * defence: nothing in ecs-resize prints a secret, and this makes sure nothing ever does.
 */
export function redacting(stream: OutputStream, secrets: readonly string[]): OutputStream {
  if (!secrets.some((secret) => secret.length >= MIN_SECRET_LENGTH)) return stream;
  return { isTTY: stream.isTTY, write: (text) => stream.write(maskSecrets(text, secrets)) };
}
