import { DEFAULT_CREDENTIALS, SERVERS } from '@ecs-resize/emulator';
import { describe, expect, it } from 'vitest';
import * as resolved from '#crypto';
import * as nodeCrypto from '../src/auth/node-crypto.js';
import * as webCrypto from '../src/auth/web-crypto.js';
import { clientOf, useEmulator } from './helpers.js';

/** Known answers: FIPS 180-2 for SHA-256, RFC 4231 test cases 2 and 6 for HMAC-SHA256. */
const SHA256 = [
  { data: '', hex: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
  { data: 'abc', hex: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad' },
  { data: 'é ✓ 𝄞', hex: undefined },
];
const HMAC = [
  {
    key: 'Jefe',
    data: 'what do ya want for nothing?',
    hex: '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
  },
  {
    key: '\u00aa'.repeat(131),
    data: 'Test Using Larger Than Block-Size Key - Hash Key First',
    hex: undefined,
  },
];

describe.each([
  { name: 'node:crypto', impl: nodeCrypto },
  { name: 'WebCrypto', impl: webCrypto },
])('$name gives the known answers', ({ impl }) => {
  it.each(SHA256)('SHA-256 of "$data", as text and as bytes', async ({ data, hex }) => {
    const expected = hex ?? (await webCrypto.sha256Hex(data));
    expect(await impl.sha256Hex(data)).toBe(expected);
    expect(await impl.sha256Hex(new TextEncoder().encode(data).buffer)).toBe(expected);
  });

  it.each(HMAC)('HMAC-SHA256 under "$key"', async ({ key, data, hex }) => {
    expect(await impl.hmacSha256Signer(key)(data)).toBe(hex ?? (await nodeCrypto.hmacSha256Signer(key)(data)));
  });
});

describe('the #crypto import', () => {
  it('is node:crypto in Node (the node condition)', () => {
    expect(resolved.sha256Hex).toBe(nodeCrypto.sha256Hex);
    expect(resolved.hmacSha256Signer).toBe(nodeCrypto.hmacSha256Signer);
  });
});

describe('a client signs with node:crypto, and the emulator verifies it independently', () => {
  const emulator = useEmulator();

  it.each([
    { what: 'a GET', call: (client: ReturnType<typeof clientOf>) => client.getServer(SERVERS.kvmStopped) },
    { what: 'a resize POST', call: (client: ReturnType<typeof clientOf>) => client.resize(SERVERS.kvmStopped, 's3.xlarge.2') },
  ])('$what is accepted', async ({ call }) => {
    await expect(call(clientOf(emulator(), { auth: DEFAULT_CREDENTIALS }))).resolves.toBeDefined();
  });

  it('a wrong secret is refused by the verifier (the check can fail)', async () => {
    const client = clientOf(emulator(), { auth: { ...DEFAULT_CREDENTIALS, secretKey: `${DEFAULT_CREDENTIALS.secretKey}x` } });
    await expect(client.getServer(SERVERS.kvmStopped)).rejects.toMatchObject({ status: 401 });
  });
});
