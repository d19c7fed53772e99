import { describe, expect, it } from 'vitest';
import { SERVERS } from '../src/index.js';
import { getJson, useEmulator, type Json } from './helpers.js';

const ALL = Object.values(SERVERS);

describe('GET /v1/{project_id}/cloudservers/{server_id}', () => {
  const emulator = useEmulator();

  it('answers the real shape, with strings where the API has strings', async () => {
    const { status, body } = await getJson(emulator(), `/v1/{p}/cloudservers/${SERVERS.xenRunning}`);
    expect(status).toBe(200);
    const server = body.server;
    expect(server).toMatchObject({
      id: SERVERS.xenRunning,
      name: 'xen-s1-running',
      status: 'ACTIVE',
      'OS-EXT-STS:vm_state': 'active',
      'OS-EXT-STS:task_state': null,
      'OS-EXT-STS:power_state': 1,
      locked: false,
      flavor: { id: 's1.large', name: 's1.large', vcpus: '2', ram: '8192', disk: '40' },
      'OS-EXT-AZ:availability_zone': 'eu-de-01',
      tenant_id: emulator().projectId,
      hypervisor: null,
      tags: [],
      addresses: {},
    });
    expect(server.metadata).toMatchObject({
      charging_mode: '0',
      EcmResStatus: 'normal',
      'metering.resourcespeccode': 's1.large',
      os_type: 'Linux',
    });
    expect(server.metadata.image_name).toEqual(expect.any(String));
    expect(server.metadata.vpc_id).toEqual(expect.any(String));
    expect(server.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(server.updated).toEqual(expect.any(String));
    expect(server.user_id).toEqual(expect.any(String));
    expect(server['os-extended-volumes:volumes_attached']).toEqual([
      { id: expect.any(String), delete_on_termination: 'false', bootIndex: '0', device: '/dev/vda' },
      { id: expect.any(String), delete_on_termination: 'false', bootIndex: '-1', device: '/dev/vdb' },
    ]);
    expect(server).not.toHaveProperty('drivers');
  });

  it('shows the seeded special states', async () => {
    const get = async (id: string): Promise<Json> => (await getJson(emulator(), `/v1/{p}/cloudservers/${id}`)).body.server;
    expect((await get(SERVERS.xenStopped))['OS-EXT-STS:power_state']).toBe(4);
    expect((await get(SERVERS.locked)).locked).toBe(true);
    expect((await get(SERVERS.frozen)).metadata.EcmResStatus).toBe('freeze');
    expect((await get(SERVERS.spot)).metadata.charging_mode).toBe('2');
    expect((await get(SERVERS.prepaid)).metadata.charging_mode).toBe('1');
    expect(await get(SERVERS.poweringOn)).toMatchObject({
      status: 'SHUTOFF',
      'OS-EXT-STS:vm_state': 'stopped',
      'OS-EXT-STS:task_state': 'powering-on',
    });
  });

  it('answers 404 Ecs.0114 for an unknown server', async () => {
    const { status, body } = await getJson(emulator(), '/v1/{p}/cloudservers/00000000-0000-4000-8000-000000000000');
    expect(status).toBe(404);
    expect(body).toEqual({ error: { message: 'The ECS does not exist.', code: 'Ecs.0114' } });
  });
});

describe('GET /v1/{project_id}/cloudservers/detail', () => {
  const emulator = useEmulator();
  const list = (query: string) => getJson(emulator(), `/v1/{p}/cloudservers/detail${query}`);
  const ids = (body: Json): string[] => body.servers.map((server: Json) => server.id);

  it('lists every server (default limit 25) and is never taken for a server id', async () => {
    const { status, body } = await list('');
    expect(status).toBe(200);
    expect(body.count).toBe(ALL.length);
    expect(ids(body)).toEqual(ALL);
    expect(emulator().state.requests.at(-1)?.route).toBe('listServers');
  });

  it('pages by page number: offset 1 and 0 are the first page', async () => {
    const first = await list('?limit=5&offset=1');
    expect(first.body).toMatchObject({ count: ALL.length });
    expect(ids(first.body)).toEqual(ALL.slice(0, 5));
    expect(ids((await list('?limit=5&offset=0')).body)).toEqual(ALL.slice(0, 5));
    expect(ids((await list('?limit=5&offset=2')).body)).toEqual(ALL.slice(5, 10));
    expect(ids((await list('?limit=5&offset=3')).body)).toEqual(ALL.slice(10, 15));
    expect(ids((await list('?limit=5&offset=4')).body)).toEqual(ALL.slice(15, 20));
    expect(ids((await list('?limit=5&offset=5')).body)).toEqual([]);
  });

  it('filters by flavor, status and name (where "." matches any character)', async () => {
    expect(ids((await list('?flavor=s1.xlarge')).body)).toEqual([SERVERS.xen24Vbd, SERVERS.xen25Vbd]);
    expect(ids((await list('?status=ACTIVE')).body)).toEqual([SERVERS.xenRunning, SERVERS.kvmRunning]);
    expect(ids((await list('?name=kvm.s3.run')).body)).toEqual([SERVERS.kvmRunning]);
    expect((await list('?name=nothing-like-this')).body).toEqual({ count: 0, servers: [] });
  });

  it('treats status=SHUTOFF as also matching RESIZE (OTC)', async () => {
    emulator().state.servers.get(SERVERS.kvmStopped)!.status = 'RESIZE';
    expect(ids((await list('?status=SHUTOFF')).body)).toContain(SERVERS.kvmStopped);
    expect(ids((await list('?status=RESIZE')).body)).toEqual([SERVERS.kvmStopped]);
  });

  it('refuses limit over 1000 and bad numbers with 400 Ecs.0005', async () => {
    expect((await list('?limit=1000')).status).toBe(200);
    for (const query of ['?limit=1001', '?limit=0', '?limit=abc', '?offset=-1']) {
      const { status, body } = await list(query);
      expect(status).toBe(400);
      expect(body.error.code).toBe('Ecs.0005');
    }
  });
});
