import { describe, expect, it } from 'vitest';
import { SERVERS } from '../src/index.js';
import { call, useEmulator } from './helpers.js';

const ALLOWED = 'http://localhost:5173';
const serverPath = `/v1/{p}/cloudservers/${SERVERS.kvmStopped}`;

function preflight(url: string, origin: string): Promise<Response> {
  return fetch(url, {
    method: 'OPTIONS',
    headers: {
      Origin: origin,
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'content-type,x-auth-token',
    },
  });
}

describe('CORS for configured origins', () => {
  const emulator = useEmulator({ cors: { origins: [ALLOWED] } });
  const url = () => emulator().url + serverPath.replace('{p}', emulator().projectId);

  it('answers a preflight of an allowed origin with 204, unauthenticated', async () => {
    const response = await preflight(url(), ALLOWED);
    expect(response.status).toBe(204);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'access-control-allow-origin': ALLOWED,
      'access-control-allow-methods': 'GET, POST',
      'access-control-allow-headers':
        'Content-Type, X-Auth-Token, Authorization, X-Sdk-Date, X-Project-Id, X-Security-Token, X-Sdk-Content-Sha256',
      'access-control-expose-headers': 'X-Request-Id',
      'access-control-max-age': '600',
      vary: 'Origin',
    });
    expect(emulator().state.requests.at(-1)).toMatchObject({ method: 'OPTIONS', route: null, status: 204 });
  });

  it('adds CORS headers to normal answers for that origin, errors included', async () => {
    const ok = await call(emulator(), serverPath, { headers: { Origin: ALLOWED } });
    expect(ok.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(ok.headers.get('access-control-expose-headers')).toBe('X-Request-Id');
    const refused = await call(emulator(), serverPath, { headers: { Origin: ALLOWED, 'X-Auth-Token': 'bad' } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('access-control-allow-origin')).toBe(ALLOWED);
  });

  it('sends no CORS headers to another origin', async () => {
    const response = await preflight(url(), 'http://evil.example');
    expect(response.status).toBe(405);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const normal = await call(emulator(), serverPath, { headers: { Origin: 'http://evil.example' } });
    expect(normal.status).toBe(200);
    expect(normal.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('CORS by default', () => {
  const emulator = useEmulator();

  it('is off, like the real ECS', async () => {
    const url = emulator().url + serverPath.replace('{p}', emulator().projectId);
    const response = await preflight(url, ALLOWED);
    expect(response.status).toBe(405);
    expect([...response.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
    const normal = await call(emulator(), serverPath, { headers: { Origin: ALLOWED } });
    expect(normal.headers.get('access-control-allow-origin')).toBeNull();
    expect(normal.headers.get('vary')).toBeNull();
  });
});
