import { DEFAULT_CREDENTIALS, DEFAULT_PROJECT_ID, DEFAULT_TOKEN, SERVERS } from '@ecs-resize/emulator';
import { describe, expect, it } from 'vitest';
import { EcsApiError } from '../src/index.js';
import { FAST_JOB_MS, FAST_WAIT, clientOf, rejectionOf, useEmulator } from './helpers.js';

/** A fetch that records the headers of each request on its way out. */
function recordingFetch() {
  const headers: Headers[] = [];
  const fetchAndRecord = (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    headers.push(request.headers);
    return fetch(request);
  };
  return { headers, fetch: fetchAndRecord };
}

describe('AK/SK signing, verified by the emulator', () => {
  const emulator = useEmulator({ jobDurationMs: FAST_JOB_MS });

  it('a signed client reads, resizes and waits', async () => {
    const client = clientOf(emulator(), { auth: DEFAULT_CREDENTIALS });
    expect((await client.getServer(SERVERS.xenDrivers)).id).toBe(SERVERS.xenDrivers);
    expect((await client.listResizeFlavors(SERVERS.xenDrivers, { pageSize: 3 })).length).toBeGreaterThan(3);
    const { jobId } = await client.resize(SERVERS.xenDrivers, 's3.large.2');
    expect((await client.waitForJob(jobId!, FAST_WAIT)).status).toBe('SUCCESS');
  });

  it('signs X-Project-Id, X-Sdk-Date and the security token of temporary credentials', async () => {
    const recorder = recordingFetch();
    const client = clientOf(emulator(), {
      auth: { ...DEFAULT_CREDENTIALS, securityToken: 'temporary-token' },
      fetch: recorder.fetch,
    });
    await client.getServer(SERVERS.kvmStopped);
    const sent = recorder.headers[0]!;
    expect(sent.get('x-project-id')).toBe(DEFAULT_PROJECT_ID);
    expect(sent.get('x-security-token')).toBe('temporary-token');
    expect(sent.get('x-sdk-date')).toMatch(/^\d{8}T\d{6}Z$/);
    expect(sent.get('authorization')).toMatch(
      new RegExp(
        `^SDK-HMAC-SHA256 Access=${DEFAULT_CREDENTIALS.accessKey}, SignedHeaders=[a-z;-]*x-project-id;x-sdk-date;x-security-token, Signature=[0-9a-f]{64}$`,
      ),
    );
    expect(sent.get('x-auth-token')).toBeNull();
  });

  it('a wrong secret key → 401 APIG.0301, and the secret is not in the error', async () => {
    const client = clientOf(emulator(), { auth: { accessKey: DEFAULT_CREDENTIALS.accessKey, secretKey: 'wrong-secret-key' } });
    const error = (await rejectionOf(client.getServer(SERVERS.kvmStopped))) as EcsApiError;
    expect(error).toBeInstanceOf(EcsApiError);
    expect([error.status, error.code]).toEqual([401, 'APIG.0301']);
    expect(error.message).not.toContain('wrong-secret-key');
  });

  it('a token client sends X-Auth-Token and no signature', async () => {
    const recorder = recordingFetch();
    await clientOf(emulator(), { fetch: recorder.fetch }).getServer(SERVERS.kvmStopped);
    expect(recorder.headers[0]!.get('x-auth-token')).toBe(DEFAULT_TOKEN);
    expect(recorder.headers[0]!.get('authorization')).toBeNull();
  });
});

describe('no auth: a proxy in front authenticates', () => {
  const emulator = useEmulator({ auth: false, jobDurationMs: FAST_JOB_MS });

  it('sends no credentials and works when the server does not ask for them', async () => {
    const recorder = recordingFetch();
    const client = clientOf(emulator(), { auth: undefined, fetch: recorder.fetch });
    expect((await client.getServer(SERVERS.kvmStopped)).id).toBe(SERVERS.kvmStopped);
    expect([recorder.headers[0]!.get('authorization'), recorder.headers[0]!.get('x-auth-token')]).toEqual([null, null]);
  });
});
