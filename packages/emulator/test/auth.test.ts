import { describe, expect, it } from 'vitest';
import { DEFAULT_PROJECT_ID, DEFAULT_TOKEN, SERVERS } from '../src/index.js';
import { call, signedFetch, useEmulator, type Json } from './helpers.js';

const serverPath = `/v1/{p}/cloudservers/${SERVERS.kvmStopped}`;

async function refusal(response: Response): Promise<Json> {
  expect(response.status).toBe(401);
  return response.json();
}

describe('token authentication (default credentials)', () => {
  const emulator = useEmulator();

  it('accepts DEFAULT_TOKEN', async () => {
    expect((await call(emulator(), serverPath)).status).toBe(200);
  });

  it('refuses an unknown token without echoing it', async () => {
    const response = await call(emulator(), serverPath, { headers: { 'X-Auth-Token': 'stolen-token-123' } });
    const body = await refusal(response);
    expect(body).toEqual({
      error_msg: 'Incorrect IAM authentication information: decrypt token fail',
      error_code: 'APIG.0301',
      request_id: response.headers.get('X-Request-Id'),
    });
    expect(JSON.stringify(body)).not.toContain('stolen-token-123');
  });

  it('refuses a request without credentials, and logs it with its route', async () => {
    const response = await fetch(`${emulator().url}${serverPath.replace('{p}', DEFAULT_PROJECT_ID)}`);
    expect((await refusal(response)).error_msg).toBe(
      'Incorrect IAM authentication information: no X-Auth-Token or Authorization header',
    );
    expect(emulator().state.requests.at(-1)).toMatchObject({ route: 'getServer', status: 401 });
  });

  it('refuses a path project id that is not the emulator’s with Ecs.0023', async () => {
    const response = await call(emulator(), `/v1/ffffffffffffffffffffffffffffffff/cloudservers/${SERVERS.kvmStopped}`);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { message: 'project_id in token mismatches with project_id in url.', code: 'Ecs.0023' },
    });
  });

  it('requires X-Project-Id, when sent, to equal the path’s project id', async () => {
    expect((await call(emulator(), serverPath, { headers: { 'X-Project-Id': DEFAULT_PROJECT_ID } })).status).toBe(200);
    const response = await call(emulator(), serverPath, { headers: { 'X-Project-Id': 'another-project' } });
    expect(response.status).toBe(400);
    expect(((await response.json()) as Json).error.code).toBe('Ecs.0023');
  });
});

describe('custom credentials', () => {
  const credentials = { accessKey: 'MYAK', secretKey: 'my-secret' };
  const emulator = useEmulator({
    projectId: 'abcdef0123456789abcdef0123456789',
    auth: { tokens: ['t1', 't2'], credentials: [credentials] },
  });

  it('accepts the configured tokens and AK/SK only', async () => {
    expect((await call(emulator(), serverPath, { headers: { 'X-Auth-Token': 't2' } })).status).toBe(200);
    expect((await call(emulator(), serverPath, { headers: { 'X-Auth-Token': DEFAULT_TOKEN } })).status).toBe(401);
    expect((await signedFetch(emulator(), 'GET', serverPath, { credentials })).status).toBe(200);
    expect((await signedFetch(emulator(), 'GET', serverPath)).status).toBe(401);
  });
});

describe('auth: false (a signing proxy in front)', () => {
  const emulator = useEmulator({ auth: false });

  it('accepts unauthenticated requests', async () => {
    const response = await fetch(`${emulator().url}${serverPath.replace('{p}', DEFAULT_PROJECT_ID)}`);
    expect(response.status).toBe(200);
  });
});
