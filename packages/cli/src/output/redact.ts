import { redactSecrets } from '@ecs-resize/core';
import type { OutputStream } from './output-stream.js';

/**
 * `stream`, with each secret (4 characters or more, in every form core's `redactSecrets`
 * knows: percent-encoded, JSON-escaped, base64...) and the user info of any URL replaced by
 * `[redacted]`. A second line of defence: nothing in ecs-resize prints a secret, and this makes
 * sure nothing ever does, `--json` included.
 */
export function redacting(stream: OutputStream, secrets: readonly string[]): OutputStream {
  return { isTTY: stream.isTTY, write: (text) => stream.write(redactSecrets(text, secrets)) };
}
