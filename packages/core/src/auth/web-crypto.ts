/** Text to UTF-8 bytes. */
const encoder = new TextEncoder();

/** Lower-case hex of bytes. */
function toHex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The hex SHA-256 of no bytes at all: the body hash of every GET. */
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/**
 * Hex SHA-256 of text or bytes, with WebCrypto: the `#crypto` of browsers (Node gets
 * `node-crypto.ts`, which has the same exports).
 * @internal
 */
export async function sha256Hex(data: string | ArrayBuffer): Promise<string> {
  const bytes = typeof data === 'string' ? encoder.encode(data) : data;
  return bytes.byteLength === 0 ? EMPTY_SHA256 : toHex(await crypto.subtle.digest('SHA-256', bytes));
}

/**
 * A function that gives the hex HMAC-SHA256 of text under `secret`, with WebCrypto. The key is
 * imported once, and cannot be exported.
 * @internal
 */
export function hmacSha256Signer(secret: string): (data: string) => Promise<string> {
  const key = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return async (data) => toHex(await crypto.subtle.sign('HMAC', await key, encoder.encode(data)));
}
