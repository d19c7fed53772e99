import type { OutputStream } from './output-stream.js';

/** What a secret is replaced with. */
const MASK = '[redacted]';

/** Secrets shorter than this are not masked: replacing a few common characters would garble the output. */
const MIN_SECRET_LENGTH = 8;

/**
 * `stream`, with every occurrence of each secret replaced by `[redacted]`. A second line of
 * defence: nothing in ecs-resize prints a secret, and this makes sure nothing ever does.
 */
export function redacting(stream: OutputStream, secrets: readonly string[]): OutputStream {
  const masked = secrets.filter((secret) => secret.length >= MIN_SECRET_LENGTH);
  if (masked.length === 0) return stream;
  return {
    isTTY: stream.isTTY,
    write: (text) => stream.write(masked.reduce((result, secret) => result.replaceAll(secret, MASK), text)),
  };
}
