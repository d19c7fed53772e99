import { describe, expect, it, onTestFinished } from 'vitest';
import { DEDICATED_HOST_ID, defaultData, defaultFlavors, SERVERS, startEmulator } from '../src/index.js';
import { getJson, resize, useEmulator, useFrozenClock, waitForJob } from './helpers.js';

useFrozenClock();

describe('GET /v1/{project_id}/cloudservers/{server_id}/os-interface', () => {
  const emulator = useEmulator();

  it('lists one interface attachment per NIC, in the API shape', async () => {
    const { status, body } = await getJson(emulator(), `/v1/{p}/cloudservers/${SERVERS.nicHeavy}/os-interface`);
    expect(status).toBe(200);
    expect(body.interfaceAttachments).toHaveLength(4);
    expect(new Set(body.interfaceAttachments.map((nic: { port_id: string }) => nic.port_id)).size).toBe(4);
    expect(body.interfaceAttachments[0]).toEqual({
      port_state: 'ACTIVE',
      fixed_ips: [{ subnet_id: expect.any(String), ip_address: expect.stringMatching(/^192\.168\.0\.\d+$/) }],
      net_id: expect.any(String),
      port_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      mac_addr: expect.stringMatching(/^fa:16:3e(:[0-9a-f]{2}){3}$/),
    });
    const single = await getJson(emulator(), `/v1/{p}/cloudservers/${SERVERS.kvmStopped}/os-interface`);
    expect(single.body.interfaceAttachments).toHaveLength(1);
    expect(emulator().state.requests.at(-1)?.route).toBe('listServerInterfaces');
  });

  it('answers an unknown server with 404 Ecs.0114', async () => {
    const { status, body } = await getJson(emulator(), '/v1/{p}/cloudservers/00000000-0000-4000-8000-000000000000/os-interface');
    expect([status, body.error.code]).toEqual([404, 'Ecs.0114']);
  });
});

describe('the seeded facts of the new constraints', () => {
  const emulator = useEmulator();
  const hintsOf = async (serverId: string) =>
    (await getJson(emulator(), `/v1/{p}/cloudservers/${serverId}`)).body.server['os:scheduler_hints'];

  it('a server on a dedicated host says so in os:scheduler_hints (lists, as the SDK server detail), the others do not', async () => {
    expect(await hintsOf(SERVERS.dedicatedHost)).toEqual({ dedicated_host_id: [DEDICATED_HOST_ID], tenancy: ['dedicated'] });
    expect(await hintsOf(SERVERS.kvmStopped)).toEqual({});
  });

  it.each([
    { flavor: 'kc1.large.2', specs: { 'ecs:instance_architecture': 'arm64', 'quota:vif_max_num': '2' } },
    { flavor: 'd2.xlarge.8', specs: { 'ecs:performancetype': 'diskintensive', 'quota:local_disk': expect.any(String) } },
    { flavor: 'h2.3xlarge.10', specs: { 'ecs:generation': 'h2', 'quota:vif_max_num': '6' } },
    { flavor: 'g6.xlarge.4', specs: { 'ecs:performancetype': 'gpu', 'ecs:generation': 'g6' } },
    { flavor: 's3.2xlarge.2', specs: { 'quota:vif_max_num': '4' } },
  ])('$flavor has $specs', ({ flavor, specs }) => {
    expect(defaultFlavors().find((item) => item.id === flavor)?.extraSpecs).toMatchObject(specs);
  });

  it('only Arm flavors name an architecture, only local-disk flavors a local disk, and every flavor a NIC limit', () => {
    const flavors = defaultFlavors();
    expect(flavors.filter((flavor) => 'ecs:instance_architecture' in flavor.extraSpecs).map((flavor) => flavor.id)).toEqual([
      'kc1.large.2',
      'kc1.xlarge.2',
    ]);
    expect(flavors.filter((flavor) => 'quota:local_disk' in flavor.extraSpecs).map((flavor) => flavor.id)).toEqual([
      'd2.xlarge.8',
    ]);
    expect(flavors.filter((flavor) => !/^\d+$/.test(flavor.extraSpecs['quota:vif_max_num'] ?? ''))).toEqual([]);
  });
});

describe('refused at once, with the documented code', () => {
  const emulator = useEmulator();

  it.each([
    { name: '4 NICs to a flavor allowing 3', server: SERVERS.nicHeavy, flavorRef: 's3.xlarge.2', body: {}, code: 'Ecs.0807' },
    { name: '4 NICs to a flavor allowing 2', server: SERVERS.nicHeavy, flavorRef: 'c6.large.2', body: {}, code: 'Ecs.0807' },
    {
      name: 'a DeH server without dedicated_host_id (v1)',
      server: SERVERS.dedicatedHost,
      flavorRef: 's3.xlarge.2',
      body: {},
      code: 'Ecs.0803',
    },
    {
      name: 'a DeH server without dedicated_host_id (v1.1)',
      server: SERVERS.dedicatedHost,
      flavorRef: 's3.xlarge.2',
      body: {},
      version: 'v1.1' as const,
      code: 'Ecs.0803',
    },
  ])('$name → $code', async ({ server, flavorRef, body, version, code }) => {
    const before = emulator().state.resizeJobs.length;
    const result = await resize(emulator(), server, { resize: { flavorRef, ...body } }, version);
    expect([result.status, result.body.error.code]).toEqual([400, code]);
    expect(result.body.error.message).toEqual(expect.any(String));
    expect(emulator().state.resizeJobs).toHaveLength(before);
    expect(emulator().state.servers.get(server)?.status).toBe('SHUTOFF');
  });
});

/** Sends a resize to a fresh emulator (a resize changes the server) and follows its job to the end. */
async function resizeToTheEnd(serverId: string, flavorRef: string, extra: object = {}, version: 'v1' | 'v1.1' = 'v1') {
  const emulator = await startEmulator({ jobDurationMs: 60 });
  onTestFinished(() => emulator.close());
  const accepted = await resize(emulator, serverId, { resize: { flavorRef, ...extra } }, version);
  expect(accepted.status).toBe(200);
  const { job } = await waitForJob(emulator, accepted.body.job_id);
  const server = emulator.state.servers.get(serverId)!;
  return { job, server, record: emulator.state.resizeJobs.at(-1) };
}

describe('accepted, then failed in the job with the documented code', () => {
  it.each([
    {
      name: 'a local-disk (D2) server',
      server: SERVERS.diskIntensive,
      to: 's3.xlarge.2',
      code: 'Ecs.0806',
      reason: /local disks/,
    },
    { name: 'an H2 server', server: SERVERS.h2, to: 's3.2xlarge.2', code: 'Ecs.0806', reason: /^H2 ECSs do not support/ },
    { name: 'GPU → general purpose', server: SERVERS.gpu, to: 's3.xlarge.2', code: 'Ecs.0805', reason: /own flavor family/ },
    {
      name: 'general purpose → GPU',
      server: SERVERS.kvmStopped,
      to: 'g6.xlarge.4',
      code: 'Ecs.0805',
      reason: /own flavor family/,
    },
    { name: 'Arm → x86', server: SERVERS.arm, to: 's3.large.2', code: 'Ecs.0207', reason: /arm ECS cannot be changed to an x86/ },
    {
      name: 'x86 → Arm',
      server: SERVERS.kvmStopped,
      to: 'kc1.large.2',
      code: 'Ecs.0207',
      reason: /x86 ECS cannot be changed to an arm/,
    },
  ])('$name → $code', async ({ server, to, code, reason }) => {
    const flavorBefore = defaultData().servers.find((item) => item.id === server)!.flavorId;
    const { job, server: after } = await resizeToTheEnd(server, to);
    expect({ status: job.status, error_code: job.error_code }).toEqual({ status: 'FAIL', error_code: code });
    expect(job.fail_reason).toMatch(reason);
    expect([after.flavorId, after.status]).toEqual([flavorBefore, 'SHUTOFF']);
  });
});

describe('the same servers resize where the cloud allows it', () => {
  it.each([
    { name: 'GPU within its family', server: SERVERS.gpu, to: 'g6.2xlarge.4' },
    { name: 'Arm to Arm', server: SERVERS.arm, to: 'kc1.xlarge.2' },
    { name: '4 NICs to a flavor allowing 6', server: SERVERS.nicHeavy, to: 'h2.3xlarge.10' },
    {
      name: 'a DeH server naming a host (v1: UNCONFIRMED, accepted)',
      server: SERVERS.dedicatedHost,
      to: 's3.xlarge.2',
      extra: { dedicated_host_id: DEDICATED_HOST_ID },
    },
    {
      name: 'a DeH server naming a host (v1.1)',
      server: SERVERS.dedicatedHost,
      to: 's3.xlarge.2',
      extra: { dedicated_host_id: 'another-deh' },
      version: 'v1.1' as const,
    },
  ])('$name', async ({ server, to, extra, version }) => {
    const { job, server: after, record } = await resizeToTheEnd(server, to, extra, version);
    expect(job.status).toBe('SUCCESS');
    expect(after.flavorId).toBe(to);
    expect(record?.dedicatedHostId).toBe(extra?.dedicated_host_id);
  });
});
