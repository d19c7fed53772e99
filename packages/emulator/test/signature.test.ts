import { describe, expect, it } from 'vitest';
import { parseSdkDate, stringToSign } from '../src/auth/verify-signature.js';
import {
  canonicalRequest,
  computeSignature,
  DEFAULT_CREDENTIALS,
  SERVERS,
  verifyRequest,
  type SignatureInput,
} from '../src/index.js';
import { signedFetch, useEmulator, type Json } from './helpers.js';

const EMPTY_HASH = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

interface Vector {
  readonly name: string;
  readonly input: SignatureInput;
  readonly accessKey: string;
  readonly secretKey: string;
  readonly signature: string;
  readonly canonical?: string;
  readonly stringToSign?: string;
}

/** The five official vectors of ecs-api.md §6.2. */
const VECTORS: readonly Vector[] = [
  {
    name: 'V1 Go SDK test1 (GET, underscore header not signed)',
    input: {
      method: 'GET',
      url: 'https://example.huaweicloud.com/path?limit=1',
      headers: { 'X-Sdk-Date': '20060102T150405Z', TEST_UNDERSCORE: 'TEST_VALUE' },
      signedHeaders: ['x-sdk-date'],
    },
    accessKey: 'AccessKey',
    secretKey: 'SecretKey',
    canonical: `GET\n/path/\nlimit=1\nx-sdk-date:20060102T150405Z\n\nx-sdk-date\n${EMPTY_HASH}`,
    stringToSign: 'SDK-HMAC-SHA256\n20060102T150405Z\n85c3b7730f308aee452b16138a42a914397e43a8f0d732dfa521c0ef2afa98a4',
    signature: '5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624',
  },
  {
    name: 'V2 Go SDK test2 (POST, body with trailing newline)',
    input: {
      method: 'POST',
      url: 'https://example.huaweicloud.com/path?key=value',
      headers: { 'X-Sdk-Date': '20060102T150405Z', TEST_UNDERSCORE: 'TEST_VALUE', 'Content-Type': 'application/json' },
      signedHeaders: ['x-sdk-date'],
      body: '{"Name":"test","Id":1}\n',
    },
    accessKey: 'AccessKey',
    secretKey: 'SecretKey',
    signature: 'cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59',
  },
  {
    name: 'V3 Python SDK test_signer1 (GET, host signed)',
    input: {
      method: 'GET',
      url: 'https://service.endpoint.myhuaweicloud.com/resources?size=1',
      headers: { 'X-Sdk-Date': '20200608T023900Z', TEST_UNDERSCORE: 'TEST_VALUE', Host: 'service.endpoint.myhuaweicloud.com' },
      signedHeaders: ['host', 'x-sdk-date'],
      body: '',
    },
    accessKey: 'AccessKey',
    secretKey: 'SecretKey',
    canonical: `GET\n/resources/\nsize=1\nhost:service.endpoint.myhuaweicloud.com\nx-sdk-date:20200608T023900Z\n\nhost;x-sdk-date\n${EMPTY_HASH}`,
    signature: 'cfb4171acec81de07d50e53d57eb77edd537414d66ddb1d7d780f128e12cd842',
  },
  {
    name: 'V4 Python SDK test_signer2 (POST with body)',
    input: {
      method: 'POST',
      url: 'https://service.endpoint.myhuaweicloud.com/resources?size=1',
      headers: { 'X-Sdk-Date': '20200608T023900Z', TEST_UNDERSCORE: 'TEST_VALUE', Host: 'service.endpoint.myhuaweicloud.com' },
      signedHeaders: ['host', 'x-sdk-date'],
      body: new TextEncoder().encode('{"name":"test","id":1}'),
    },
    accessKey: 'AccessKey',
    secretKey: 'SecretKey',
    signature: '436b1ac0a1ae03705934bb70ef2f2e09f7bfed2117d731a38235053199323a1f',
  },
  {
    name: 'V5 Java SDK and the official doc example',
    input: {
      method: 'GET',
      url: 'https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0',
      headers: { 'Content-Type': 'application/json', Host: 'service.region.example.com', 'X-Sdk-Date': '20191115T033655Z' },
      signedHeaders: ['content-type', 'host', 'x-sdk-date'],
    },
    accessKey: 'QTWAOYTTINDUT2QVKYUC',
    secretKey: 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc',
    canonical:
      'GET\n/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs/\nlimit=2&marker=13551d6b-755d-4757-b956-536f674975c0\n' +
      'content-type:application/json\nhost:service.region.example.com\nx-sdk-date:20191115T033655Z\n\ncontent-type;host;x-sdk-date\n' +
      EMPTY_HASH,
    stringToSign: 'SDK-HMAC-SHA256\n20191115T033655Z\nb25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a',
    signature: '7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe',
  },
];

/** The vector as the emulator would receive it: a raw path and an Authorization header. */
function received(
  vector: Vector,
  changes: { signature?: string; signedHeaders?: string; headers?: Record<string, string> } = {},
) {
  const { pathname, search } = new URL(vector.input.url);
  const signedHeaders = changes.signedHeaders ?? vector.input.signedHeaders.join(';');
  const authorization = `SDK-HMAC-SHA256 Access=${vector.accessKey}, SignedHeaders=${signedHeaders}, Signature=${changes.signature ?? vector.signature}`;
  const body = vector.input.body ?? '';
  return {
    method: vector.input.method,
    url: pathname + search,
    headers: { ...vector.input.headers, Authorization: authorization, ...changes.headers },
    body: typeof body === 'string' ? new TextEncoder().encode(body) : body,
  };
}

const dateOf = (vector: Vector): number => parseSdkDate(String(vector.input.headers['X-Sdk-Date'])) ?? Number.NaN;
const secretKeyOf = (vector: Vector) => (accessKey: string) => (accessKey === vector.accessKey ? vector.secretKey : undefined);

describe('computeSignature reproduces the official vectors', () => {
  it.each(VECTORS)('$name', (vector) => {
    const canonical = canonicalRequest(vector.input);
    if (vector.canonical !== undefined) expect(canonical).toBe(vector.canonical);
    if (vector.stringToSign !== undefined)
      expect(stringToSign(canonical, String(vector.input.headers['X-Sdk-Date']))).toBe(vector.stringToSign);
    expect(computeSignature({ ...vector.input, secretKey: vector.secretKey })).toBe(vector.signature);
  });

  it('builds the canonical query string of the SDK test (sorted, multi-values, %20, upper-case hex)', () => {
    const query = new URLSearchParams([
      ['limit', '1'],
      ['enable', 'true'],
      ['test', '一 (&=?!#%.*)'],
      ['path', '/tmp/123'],
      ['multi', '3'],
      ['multi', '1'],
      ['multi', '2'],
    ]);
    const canonical = canonicalRequest({ method: 'GET', url: `/x?${query}`, headers: {}, signedHeaders: [] });
    expect(canonical.split('\n')[2]).toBe(
      'enable=true&limit=1&multi=1&multi=2&multi=3&path=%2Ftmp%2F123&test=%E4%B8%80%20%28%26%3D%3F%21%23%25.%2A%29',
    );
  });

  it('re-encodes path segments and uses X-Sdk-Content-Sha256 when present', () => {
    const canonical = canonicalRequest({
      method: 'post',
      url: "/v1/a%20b/c'd/",
      headers: { 'X-Sdk-Content-Sha256': 'UNSIGNED-PAYLOAD' },
      signedHeaders: [],
      body: 'ignored',
    });
    expect(canonical.split('\n')).toEqual(['POST', '/v1/a%20b/c%27d/', '', '', '', 'UNSIGNED-PAYLOAD']);
  });
});

describe('verifyRequest with an explicit clock', () => {
  it.each(VECTORS)('accepts $name at its own date', (vector) => {
    expect(verifyRequest(received(vector), secretKeyOf(vector), dateOf(vector))).toEqual({
      ok: true,
      accessKey: vector.accessKey,
    });
  });

  const [vector] = VECTORS.slice(-1) as [Vector];
  const now = dateOf(vector);
  const check = (request: ReturnType<typeof received>, at = now) => verifyRequest(request, secretKeyOf(vector), at);

  it('accepts a date up to 15 minutes away and refuses one further', () => {
    expect(check(received(vector), now + 15 * 60_000).ok).toBe(true);
    expect(check(received(vector), now - 15 * 60_000 - 1000)).toEqual({ ok: false, reason: 'date-expired' });
    expect(check(received(vector), new Date(now + 16 * 60_000).getTime())).toEqual({ ok: false, reason: 'date-expired' });
  });

  it('refuses a tampered signature, body or header', () => {
    expect(check(received(vector, { signature: vector.signature.replace(/^./, '0') }))).toEqual({
      ok: false,
      reason: 'signature-mismatch',
    });
    expect(check({ ...received(vector), body: new TextEncoder().encode('{}') })).toEqual({
      ok: false,
      reason: 'signature-mismatch',
    });
    expect(check(received(vector, { headers: { Host: 'evil.example.com' } }))).toEqual({
      ok: false,
      reason: 'signature-mismatch',
    });
    expect(check({ ...received(vector), url: '/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=3' })).toEqual({
      ok: false,
      reason: 'signature-mismatch',
    });
  });

  it('refuses an unknown access key, a malformed header, a missing or unsigned date', () => {
    expect(verifyRequest(received(vector), () => undefined, now)).toEqual({ ok: false, reason: 'unknown-access-key' });
    expect(check(received(vector, { headers: { Authorization: 'Bearer abc' } }))).toEqual({
      ok: false,
      reason: 'malformed-authorization',
    });
    expect(check(received(vector, { headers: { 'X-Sdk-Date': '2019-11-15T03:36:55Z' } }))).toEqual({
      ok: false,
      reason: 'date-missing',
    });
    expect(check(received(vector, { headers: { 'X-Sdk-Date': '20191315T033655Z' } }))).toEqual({
      ok: false,
      reason: 'date-missing',
    });
    expect(check(received(vector, { signedHeaders: 'content-type;host' }))).toEqual({ ok: false, reason: 'date-not-signed' });
  });
});

describe('AK/SK against the running emulator', () => {
  const emulator = useEmulator();
  const path = `/v1/{p}/cloudservers/${SERVERS.kvmStopped}`;

  it('accepts a signed GET and a signed POST', async () => {
    const response = await signedFetch(emulator(), 'GET', path);
    expect(response.status).toBe(200);
    expect(((await response.json()) as Json).server.id).toBe(SERVERS.kvmStopped);
    const body = JSON.stringify({ resize: { flavorRef: 's3.xlarge.2' }, dry_run: true });
    expect((await signedFetch(emulator(), 'POST', `${path}/resize`, { body })).status).toBe(202);
  });

  it('refuses a tampered body with 401 APIG.0301 and no secret in the answer', async () => {
    const body = JSON.stringify({ resize: { flavorRef: 's3.xlarge.2' }, dry_run: true });
    const response = await signedFetch(emulator(), 'POST', `${path}/resize`, {
      body,
      sentBody: body.replace('s3.xlarge.2', 's3.2xlarge.2'),
    });
    expect(response.status).toBe(401);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      error_msg: 'Incorrect IAM authentication information: verify aksk signature fail',
      error_code: 'APIG.0301',
      request_id: response.headers.get('X-Request-Id'),
    });
    expect(text).not.toContain(DEFAULT_CREDENTIALS.secretKey);
    expect(emulator().state.resizeJobs).toHaveLength(0);
  });

  it.each([
    [
      'an expired date',
      { date: new Date(Date.now() - 20 * 60_000) },
      'x-sdk-date is more than 15 minutes away from the server time',
    ],
    ['an unsigned date', { signedHeaders: ['content-type', 'host'] }, 'x-sdk-date is not among the signed headers'],
    ['an unknown access key', { credentials: { accessKey: 'NOPE', secretKey: 'x' } }, 'Get secretKey failed'],
    ['a wrong secret key', { credentials: { ...DEFAULT_CREDENTIALS, secretKey: 'wrong' } }, 'verify aksk signature fail'],
  ])('refuses %s', async (_name, options, reason) => {
    const response = await signedFetch(emulator(), 'GET', path, options);
    expect(response.status).toBe(401);
    expect(((await response.json()) as Json).error_msg).toBe(`Incorrect IAM authentication information: ${reason}`);
  });
});
