/// <reference types="node" />
import { createHmac, createSecretKey, hash } from 'node:crypto';
import type * as WebCrypto from './web-crypto.js';

/**
 * Hex SHA-256 of text (as UTF-8) or bytes, with `node:crypto`: the `#crypto` of Node (the
 * `node` condition), several times faster there than WebCrypto's promise per digest. One-shot
 * `hash` (Node 20.12+) rather than a `Hash` object per digest, which costs three times as much.
 * @internal
 */
export const sha256Hex: typeof WebCrypto.sha256Hex = async (data) =>
  hash('sha256', typeof data === 'string' ? data : new Uint8Array(data), 'hex');

/**
 * A function that gives the hex HMAC-SHA256 of text under `secret`, with `node:crypto`. The
 * key is made once, as a `KeyObject`.
 * @internal
 */
export const hmacSha256Signer: typeof WebCrypto.hmacSha256Signer = (secret) => {
  const key = createSecretKey(secret, 'utf8');
  return async (data) => createHmac('sha256', key).update(data, 'utf8').digest('hex');
};
