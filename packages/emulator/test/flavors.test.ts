import { describe, expect, it } from 'vitest';
import { defaultFlavors, SERVERS } from '../src/index.js';
import { getJson, useEmulator, type Json } from './helpers.js';

const ids = (body: Json): string[] => body.flavors.map((flavor: Json) => flavor.id);

describe('GET /v1/{project_id}/cloudservers/resize_flavors', () => {
  const emulator = useEmulator();
  const list = (query: string) => getJson(emulator(), `/v1/{p}/cloudservers/resize_flavors${query}`);

  it('answers items in the §2 shape', async () => {
    const { status, body } = await list(`?instance_uuid=${SERVERS.kvmStopped}`);
    expect(status).toBe(200);
    const flavor = body.flavors.find((item: Json) => item.id === 's3.xlarge.2');
    expect(flavor).toEqual({
      id: 's3.xlarge.2',
      name: 's3.xlarge.2',
      vcpus: '4',
      ram: 8192,
      disk: '0',
      swap: '',
      links: [
        { rel: 'self', href: `${emulator().url}/v1.0/${emulator().projectId}/flavors/s3.xlarge.2`, type: null },
        { rel: 'bookmark', href: `${emulator().url}/${emulator().projectId}/flavors/s3.xlarge.2`, type: null },
      ],
      'OS-FLV-EXT-DATA:ephemeral': 0,
      rxtx_factor: 1,
      'OS-FLV-DISABLED:disabled': false,
      rxtx_quota: null,
      rxtx_cap: null,
      'os-flavor-access:is_public': true,
      extra_specs: {
        'ecs:performancetype': 'normal',
        'ecs:generation': 's3',
        'ecs:virtualization_env_types': 'CloudCompute',
        resource_type: 'IOoptimizedS3',
        'quota:vif_max_num': '3',
        'cond:operation:status': 'normal',
      },
    });
  });

  it('lists KVM targets plus one Xen flavor for a KVM source, and Xen family + H1 + KVM for a Xen source', async () => {
    const otherKvm = ['c6.2xlarge.2', 'c6.large.2', 'c6.xlarge.2', 'd2.xlarge.8', 'g6.2xlarge.4', 'g6.xlarge.4', 'h2.3xlarge.10'];
    const arm = ['kc1.large.2', 'kc1.xlarge.2'];
    expect(ids((await list(`?instance_uuid=${SERVERS.kvmStopped}`)).body)).toEqual([
      ...otherKvm,
      ...arm,
      's1.large',
      's3.2xlarge.2',
      's3.xlarge.2',
    ]);
    expect(ids((await list('?source_flavor_id=s1.medium')).body)).toEqual([
      ...otherKvm.slice(0, -1),
      'h1.large.2',
      'h1.xlarge.2',
      'h2.3xlarge.10',
      ...arm,
      's1.large',
      's1.xlarge',
      's3.2xlarge.2',
      's3.large.2',
      's3.xlarge.2',
    ]);
    expect(ids((await list('?source_flavor_id=m1.large')).body)).not.toContain('m1.large');
    expect(ids((await list('?source_flavor_id=c1.large')).body)).not.toContain('m1.large');
  });

  it('takes instance_uuid over source_flavor_id over source_flavor_name', async () => {
    const byInstance = ids(
      (await list(`?instance_uuid=${SERVERS.kvmStopped}&source_flavor_id=s1.medium&source_flavor_name=h1.large.2`)).body,
    );
    expect(byInstance).toContain('s3.xlarge.2');
    expect(byInstance).not.toContain('s3.large.2');
    const byId = ids((await list('?source_flavor_id=s1.medium&source_flavor_name=h1.large.2')).body);
    expect(byId).toContain('s1.large');
    expect(ids((await list('?source_flavor_name=h1.large.2')).body)).toContain('h1.xlarge.2');
    expect(ids((await list('?source_flavor_name=h1.large.2')).body)).not.toContain('s1.large');
  });

  it('refuses a request naming no source with 400 Ecs.0005, an unknown instance with 404 Ecs.0114', async () => {
    const none = await list('?limit=5');
    expect(none.status).toBe(400);
    expect(none.body).toEqual({ error: { message: 'Invalid parameter values. Contact customer service.', code: 'Ecs.0005' } });
    const unknown = await list('?instance_uuid=00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('Ecs.0114');
  });

  it('pages with limit and marker in sort order', async () => {
    const source = `?source_flavor_id=s1.medium`;
    const all = ids((await list(source)).body);
    const seen: string[] = [];
    let marker = '';
    for (let page = 0; page < 20; page++) {
      const chunk = ids((await list(`${source}&limit=3${marker}`)).body);
      if (chunk.length === 0) break;
      expect(chunk.length).toBeLessThanOrEqual(3);
      seen.push(...chunk);
      marker = `&marker=${chunk.at(-1)}`;
    }
    expect(seen).toEqual(all);
    expect(all).toHaveLength(16);
  });

  it('sorts by sort_key and sort_dir, pages in that order, and refuses bad values', async () => {
    const source = '?source_flavor_id=s1.medium';
    const byVcpusDesc = (await list(`${source}&sort_key=vcpus&sort_dir=desc`)).body.flavors.map((flavor: Json) =>
      Number(flavor.vcpus),
    );
    expect(byVcpusDesc).toEqual([...byVcpusDesc].sort((a, b) => b - a));
    const byMemory = (await list(`${source}&sort_key=memory_mb&limit=2`)).body.flavors;
    expect(byMemory.map((flavor: Json) => flavor.ram)).toEqual([4096, 4096]);
    const next = ids((await list(`${source}&sort_key=memory_mb&marker=${byMemory[1].id}&limit=1`)).body);
    expect(next).toHaveLength(1);
    expect(ids((await list(`${source}&sort_key=memory_mb`)).body)[2]).toBe(next[0]);
    for (const query of ['&sort_key=price', '&sort_dir=up', '&limit=0', '&marker=no-such-flavor']) {
      expect((await list(source + query)).status).toBe(400);
    }
  });
});

describe('GET /v1/{project_id}/cloudservers/flavors', () => {
  const emulator = useEmulator();

  it('lists every flavor with os_extra_specs', async () => {
    const { status, body } = await getJson(emulator(), '/v1/{p}/cloudservers/flavors');
    expect(status).toBe(200);
    expect(ids(body)).toEqual(defaultFlavors().map((flavor) => flavor.id));
    for (const flavor of body.flavors) {
      expect(flavor).not.toHaveProperty('extra_specs');
      expect(Object.keys(flavor.os_extra_specs)).toEqual(
        expect.arrayContaining([
          'ecs:performancetype',
          'ecs:generation',
          'ecs:virtualization_env_types',
          'resource_type',
          'cond:operation:status',
        ]),
      );
    }
    const virtualization = Object.fromEntries(
      body.flavors.map((flavor: Json) => [flavor.id, flavor.os_extra_specs['ecs:virtualization_env_types']]),
    );
    expect(virtualization).toMatchObject({
      's1.medium': 'FusionCompute',
      'h1.large.2': 'FusionCompute',
      's3.large.2': 'CloudCompute',
    });
    const status_ = Object.fromEntries(
      body.flavors.map((flavor: Json) => [flavor.id, flavor.os_extra_specs['cond:operation:status']]),
    );
    expect(status_).toMatchObject({ 'm1.large': 'abandon', 'c6.2xlarge.2': 'sellout' });
  });

  it('keeps only the flavors on sale in availability_zone', async () => {
    const inAz1 = ids((await getJson(emulator(), '/v1/{p}/cloudservers/flavors?availability_zone=eu-de-01')).body);
    expect(inAz1).toContain('c6.xlarge.2');
    expect(inAz1).not.toContain('m1.large');
    expect(inAz1).not.toContain('c6.2xlarge.2');
    const inAz2 = ids((await getJson(emulator(), '/v1/{p}/cloudservers/flavors?availability_zone=eu-de-02')).body);
    expect(inAz2).not.toContain('c6.xlarge.2');
    expect(inAz2).toContain('s3.large.2');
  });
});
