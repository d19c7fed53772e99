import { describe, expect, it } from 'vitest';
import { EcsInputError, signRequest } from '../src/index.js';

const goPython = { accessKey: 'AccessKey', secretKey: 'SecretKey' };

/** A body as bytes, so the request carries no implicit `Content-Type`. */
const bytes = (text: string) => new TextEncoder().encode(text);

/** The official vectors of ecs-api.md §6.2, each signed as its SDK signs it. */
const vectors = [
  {
    name: 'V1 Go SDK test1: GET, underscore header excluded, no host',
    request: () =>
      new Request('https://example.huaweicloud.com/path?limit=1', {
        headers: { 'X-Sdk-Date': '20060102T150405Z', TEST_UNDERSCORE: 'TEST_VALUE' },
      }),
    credentials: goPython,
    expected:
      'SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, Signature=5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624',
  },
  {
    // The Go SDK never signs Content-Type; the request is signed as the Go signer sees it,
    // with the json.Encoder body and its trailing newline.
    name: 'V2 Go SDK test2: POST with json.Encoder body (trailing newline)',
    request: () =>
      new Request('https://example.huaweicloud.com/path?key=value', {
        method: 'POST',
        headers: { 'X-Sdk-Date': '20060102T150405Z', TEST_UNDERSCORE: 'TEST_VALUE' },
        body: bytes('{"Name":"test","Id":1}\n'),
      }),
    credentials: goPython,
    expected:
      'SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, Signature=cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59',
  },
  {
    name: 'V3 Python SDK test_signer1: GET with host',
    request: () =>
      new Request('https://service.endpoint.myhuaweicloud.com/resources?size=1', {
        headers: {
          'X-Sdk-Date': '20200608T023900Z',
          TEST_UNDERSCORE: 'TEST_VALUE',
          Host: 'service.endpoint.myhuaweicloud.com',
        },
      }),
    credentials: goPython,
    expected:
      'SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, Signature=cfb4171acec81de07d50e53d57eb77edd537414d66ddb1d7d780f128e12cd842',
  },
  {
    name: 'V4 Python SDK test_signer2: POST with host and body',
    request: () =>
      new Request('https://service.endpoint.myhuaweicloud.com/resources?size=1', {
        method: 'POST',
        headers: {
          'X-Sdk-Date': '20200608T023900Z',
          TEST_UNDERSCORE: 'TEST_VALUE',
          Host: 'service.endpoint.myhuaweicloud.com',
        },
        body: bytes('{"name":"test","id":1}'),
      }),
    credentials: goPython,
    expected:
      'SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, Signature=436b1ac0a1ae03705934bb70ef2f2e09f7bfed2117d731a38235053199323a1f',
  },
  {
    name: 'V5 Java SDK and the official doc example',
    request: () =>
      new Request(
        'https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0',
        {
          headers: {
            'Content-Type': 'application/json',
            Host: 'service.region.example.com',
            'X-Sdk-Date': '20191115T033655Z',
          },
        },
      ),
    credentials: { accessKey: 'QTWAOYTTINDUT2QVKYUC', secretKey: 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc' },
    expected:
      'SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe',
  },
];

describe('signRequest: the official vectors', () => {
  for (const vector of vectors) {
    it(vector.name, async () => {
      const signed = await signRequest(vector.request(), vector.credentials);
      expect(signed.headers.get('authorization')).toBe(vector.expected);
    });
  }

  it('takes the date from the third argument over the header', async () => {
    const v1 = vectors[0]!;
    const request = new Request('https://example.huaweicloud.com/path?limit=1', {
      headers: { 'X-Sdk-Date': '19990101T000000Z' },
    });
    const signed = await signRequest(request, v1.credentials, new Date(Date.UTC(2006, 0, 2, 15, 4, 5)));
    expect(signed.headers.get('x-sdk-date')).toBe('20060102T150405Z');
    expect(signed.headers.get('authorization')).toBe(v1.expected);
  });
});

describe('signRequest: behaviour', () => {
  const credentials = { accessKey: 'AK', secretKey: 'SK-secret-value' };

  it('signs the security token of temporary credentials and keeps the body and method', async () => {
    const request = new Request('https://ecs.example.com/v1/p/cloudservers/s/resize', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"resize":{"flavorRef":"s3.large.2"}}',
    });
    const signed = await signRequest(request, { ...credentials, securityToken: 'temp-token' });
    expect(signed.method).toBe('POST');
    expect(await signed.text()).toBe('{"resize":{"flavorRef":"s3.large.2"}}');
    expect(signed.headers.get('x-security-token')).toBe('temp-token');
    expect(signed.headers.get('authorization')).toMatch(
      /^SDK-HMAC-SHA256 Access=AK, SignedHeaders=content-type;x-sdk-date;x-security-token, Signature=[0-9a-f]{64}$/,
    );
    expect(await request.text()).toBe('{"resize":{"flavorRef":"s3.large.2"}}');
  });

  it('replaces an old Authorization header instead of signing it', async () => {
    const request = new Request('https://ecs.example.com/x', { headers: { Authorization: 'stale' } });
    const date = new Date(Date.UTC(2024, 0, 1));
    const once = await signRequest(request, credentials, date);
    const twice = await signRequest(once, credentials, date);
    expect(twice.headers.get('authorization')).toBe(once.headers.get('authorization'));
  });

  it('uses X-Sdk-Content-Sha256 instead of hashing the body', async () => {
    const date = new Date(Date.UTC(2024, 0, 1));
    const make = (body: string) =>
      new Request('https://ecs.example.com/x', {
        method: 'PUT',
        headers: { 'X-Sdk-Content-Sha256': 'UNSIGNED-PAYLOAD' },
        body,
      });
    const a = await signRequest(make('one'), credentials, date);
    const b = await signRequest(make('two'), credentials, date);
    expect(a.headers.get('authorization')).toBe(b.headers.get('authorization'));
  });

  it('rejects bad credentials without showing the secret', async () => {
    const request = new Request('https://ecs.example.com/x');
    const bad = { accessKey: 'AK', secretKey: 42 } as unknown as typeof credentials;
    const error = await signRequest(request, bad).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EcsInputError);
    expect((error as EcsInputError).issues.map((issue) => issue.path)).toEqual(['credentials.secretKey']);
    expect(String((error as Error).message)).not.toContain('42');
  });
});
