/** Text to UTF-8 bytes. */
const encoder = new TextEncoder();

/** Lower-case hex of bytes. */
function toHex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The hex SHA-256 of no bytes at all: the body hash of every GET. */
export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/**
 * Hex SHA-256 of text or bytes, with WebCrypto (browsers and Node alike).
 * @internal
 */
export async function sha256Hex(data: string | ArrayBuffer): Promise<string> {
  const bytes = typeof data === 'string' ? encoder.encode(data) : data;
  return bytes.byteLength === 0 ? EMPTY_SHA256 : toHex(await crypto.subtle.digest('SHA-256', bytes));
}

/**
 * An HMAC-SHA256 signing key for a secret, with WebCrypto. The key cannot be exported.
 * @internal
 */
export function hmacKey(secret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

/**
 * Hex HMAC-SHA256 of `data` under `key`, with WebCrypto.
 * @internal
 */
export async function hmacSha256Hex(key: CryptoKey, data: string): Promise<string> {
  return toHex(await crypto.subtle.sign('HMAC', key, encoder.encode(data)));
}
