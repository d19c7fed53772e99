import { describe, expect, it } from 'vitest';
import { defaultData, DEFAULT_PROJECT_ID, SERVERS, startEmulator, type EmulatorData } from '../src/index.js';
import { call, eventually, getJson, resize, useEmulator } from './helpers.js';

describe('routing and answers', () => {
  const emulator = useEmulator();

  it('answers an unknown path with 404 APIG.0101, logged with route null', async () => {
    const response = await call(emulator(), '/v3/{p}/servers');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error_msg: 'The API does not exist or has not been published in the environment',
      error_code: 'APIG.0101',
      request_id: response.headers.get('x-request-id'),
    });
    expect(emulator().state.requests.at(-1)).toMatchObject({
      method: 'GET',
      path: `/v3/${DEFAULT_PROJECT_ID}/servers`,
      route: null,
      status: 404,
    });
  });

  it('answers a wrong method on a known path with 405 and Allow', async () => {
    const response = await call(emulator(), `/v1/{p}/cloudservers/${SERVERS.kvmStopped}/resize`);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect(((await response.json()) as { error_code: string }).error_code).toBe('APIG.0101');
    const detail = await call(emulator(), '/v1/{p}/cloudservers/detail', { method: 'POST', body: '{}' });
    expect(detail.status).toBe(405);
    expect(detail.headers.get('allow')).toBe('GET');
    expect((await call(emulator(), '/v1/{p}/cloudservers/action')).status).toBe(405);
  });

  it('sends X-Request-Id on every answer and the ECS JSON content type', async () => {
    const ids = new Set<string>();
    for (const path of [`/v1/{p}/cloudservers/${SERVERS.kvmStopped}`, '/v1/{p}/cloudservers/nope', '/nowhere']) {
      const response = await call(emulator(), path);
      expect(response.headers.get('content-type')).toBe('application/json;charset=UTF-8');
      ids.add(response.headers.get('x-request-id') ?? '');
    }
    expect([...ids].every((id) => /^[0-9a-f]{32}$/.test(id))).toBe(true);
    expect(ids.size).toBe(3);
  });

  it('counts requests per route and clears the log', () => {
    const { state } = emulator();
    expect(state.countRequests()).toBe(state.requests.length);
    expect(state.countRequests('getServer')).toBe(state.requests.filter((entry) => entry.route === 'getServer').length);
    expect(state.countRequests(null)).toBeGreaterThan(0);
    state.clearRequests();
    expect(state.countRequests()).toBe(0);
  });
});

describe('determinism', () => {
  const session = async (seed: number): Promise<string[]> => {
    const emulator = await startEmulator({ seed });
    try {
      const first = await call(emulator, `/v1/{p}/cloudservers/${SERVERS.kvmStopped}`);
      const accepted = await resize(emulator, SERVERS.kvmStopped, { resize: { flavorRef: 's3.xlarge.2' } });
      return [first.headers.get('x-request-id') ?? '', accepted.response.headers.get('x-request-id') ?? '', accepted.body.job_id];
    } finally {
      await emulator.close();
    }
  };

  it('derives request ids and job ids from the seed', async () => {
    const one = await session(42);
    expect(await session(42)).toEqual(one);
    expect(await session(43)).not.toEqual(one);
  });
});

describe('close()', () => {
  it('returns without waiting out a pending latency, with a keep-alive socket open, and can be called twice', async () => {
    // An hour of latency: were close() to wait for it, the test would fail at its own timeout.
    const emulator = await startEmulator({ faults: [{ route: 'listFlavors', kind: 'latency', delayMs: 60 * 60_000 }] });
    expect((await call(emulator, `/v1/{p}/cloudservers/${SERVERS.kvmStopped}`)).status).toBe(200);
    const pending = call(emulator, '/v1/{p}/cloudservers/flavors');
    await eventually(() => emulator.state.countRequests('listFlavors') === 1, 'the held request');
    await emulator.close();
    await emulator.close();
    await expect(pending).rejects.toThrow(TypeError);
    await expect(call(emulator, `/v1/{p}/cloudservers/${SERVERS.kvmStopped}`)).rejects.toThrow(TypeError);
  });
});

describe('options', () => {
  it.each([
    [{ port: -1 }, /port/],
    [{ port: 1.5 }, /port/],
    [{ seed: Number.NaN }, /seed/],
    [{ projectId: 'a/b' }, /projectId/],
    [{ jobDurationMs: -1 }, /jobDurationMs/],
    [{ auth: { tokens: [''] } }, /auth.tokens/],
    [{ auth: { credentials: [{ accessKey: 'AK', secretKey: '' }] } }, /auth.credentials/],
    [{ cors: { origins: [''] } }, /cors.origins/],
  ])('refuses %j', async (options, message) => {
    await expect(startEmulator(options)).rejects.toThrow(message);
  });

  it('refuses inconsistent data', async () => {
    const unknownFlavor = defaultData();
    unknownFlavor.servers[0]!.flavorId = 'x9.huge';
    await expect(startEmulator({ data: unknownFlavor })).rejects.toThrow(/unknown flavor x9.huge/);
    const unknownVolume = defaultData();
    unknownVolume.volumes.shift();
    await expect(startEmulator({ data: unknownVolume })).rejects.toThrow(/unknown volume/);
    const duplicate = defaultData();
    duplicate.servers.push(duplicate.servers[0]!);
    await expect(startEmulator({ data: duplicate })).rejects.toThrow(/Duplicate server id/);
  });

  it('serves custom data on a custom project and port, copying it', async () => {
    const data: EmulatorData = { ...defaultData(), servers: defaultData().servers.slice(0, 2) };
    const emulator = await startEmulator({ data, projectId: 'my-project' });
    try {
      expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(emulator.projectId).toBe('my-project');
      expect((await getJson(emulator, '/v1/{p}/cloudservers/detail')).body.count).toBe(2);
      emulator.state.servers.get(SERVERS.xenStopped)!.locked = true;
      expect(data.servers[0]!.locked).toBe(false);
    } finally {
      await emulator.close();
    }
  });
});

describe('defaultData()', () => {
  it('is fresh on every call and has every volume of every server in the EVS data', () => {
    const data = defaultData();
    expect(defaultData()).toEqual(data);
    expect(defaultData()).not.toBe(data);
    const volumeIds = new Set(data.volumes.map((volume) => volume.id));
    const attached = data.servers.flatMap((server) => server.attachments.map((attachment) => attachment.volumeId));
    expect(attached.every((id) => volumeIds.has(id))).toBe(true);
    expect(new Set(attached).size).toBe(data.volumes.length);
    expect(data.servers.map((server) => server.id)).toEqual(Object.values(SERVERS));
  });
});
