/** Text to UTF-8 bytes. */
const encoder = new TextEncoder();

/** Lower-case hex of bytes. */
function toHex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Hex SHA-256 of text or bytes, with WebCrypto: the `#crypto` of browsers (Node gets
 * `node-crypto.ts`, which has the same exports).
 * @internal
 */
export async function sha256Hex(data: string | ArrayBuffer): Promise<string> {
  const bytes = typeof data === 'string' ? encoder.encode(data) : data;
  return toHex(await crypto.subtle.digest('SHA-256', bytes));
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
