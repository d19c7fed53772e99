import { SERVERS } from '@ecs-resize/emulator';
import { describe, expect, it } from 'vitest';
import { FAST_JOB_MS, FAST_WAIT, clientOf, recordingClientOf, useEmulator } from './helpers.js';

describe('client happy paths against the emulator', () => {
  const emulator = useEmulator({ jobDurationMs: FAST_JOB_MS });

  it('getServer returns the server in the API shape', async () => {
    const server = await clientOf(emulator()).getServer(SERVERS.kvmStopped);
    expect(server.id).toBe(SERVERS.kvmStopped);
    expect(server.status).toBe('SHUTOFF');
    expect(server['OS-EXT-STS:vm_state']).toBe('stopped');
    expect(server['OS-EXT-STS:task_state']).toBeNull();
    expect(server.flavor.id).toBe('s3.large.2');
    expect(typeof server.flavor.vcpus).toBe('string');
    expect(server.metadata?.charging_mode).toBe('0');
  });

  it('listServers follows offset pages (a page number) to the end', async () => {
    const client = clientOf(emulator());
    const before = emulator().state.countRequests('listServers');
    const servers = await client.listServers({ pageSize: 4 });
    const total = emulator().state.servers.size;
    expect(servers.map((server) => server.id).sort()).toEqual([...emulator().state.servers.keys()].sort());
    expect(emulator().state.countRequests('listServers') - before).toBe(Math.ceil(total / 4));
  });

  it('listServers passes filters', async () => {
    const servers = await clientOf(emulator()).listServers({ status: 'ACTIVE' });
    expect(servers.length).toBeGreaterThan(0);
    expect(servers.every((server) => server.status === 'ACTIVE')).toBe(true);
  });

  it('listResizeFlavors follows marker pages and gets the same list as one big page', async () => {
    const client = clientOf(emulator());
    const all = await client.listResizeFlavors(SERVERS.xenStopped);
    const before = emulator().state.countRequests('listResizeFlavors');
    const paged = await client.listResizeFlavors(SERVERS.xenStopped, { pageSize: 2 });
    expect(all.length).toBeGreaterThan(4);
    expect(paged.map((flavor) => flavor.id)).toEqual(all.map((flavor) => flavor.id));
    // Pages of 2, then the empty page that ends marker paging.
    expect(emulator().state.countRequests('listResizeFlavors') - before).toBe(Math.ceil(all.length / 2) + 1);
    expect(all[0]?.extra_specs?.['ecs:virtualization_env_types']).toMatch(/^(FusionCompute|CloudCompute)$/);
  });

  it('listFlavors returns flavors with os_extra_specs', async () => {
    const flavors = await clientOf(emulator()).listFlavors();
    const s3 = flavors.find((flavor) => flavor.id === 's3.large.2');
    expect(s3?.os_extra_specs?.['ecs:virtualization_env_types']).toBe('CloudCompute');
    expect(s3?.os_extra_specs?.['ecs:generation']).toBe('s3');
  });

  it('listBlockDevices returns every attachment with its bus', async () => {
    const devices = await clientOf(emulator()).listBlockDevices(SERVERS.xen25Vbd);
    expect(devices).toHaveLength(25);
    expect(devices.every((device) => device.bus === 'virtio')).toBe(true);
  });

  it('getVolumes asks EVS 60 ids at a time, once per id', async () => {
    const ids = [...emulator().state.volumes.keys()];
    expect(ids.length).toBeGreaterThan(60);
    const before = emulator().state.countRequests('getVolumes');
    const volumes = await clientOf(emulator()).getVolumes([...ids, ids[0]!]);
    expect(volumes.map((volume) => volume.id).sort()).toEqual([...ids].sort());
    expect(emulator().state.countRequests('getVolumes') - before).toBe(Math.ceil(ids.length / 60));
    const scsi = volumes.filter((volume) => volume.metadata?.['hw:passthrough'] === 'true');
    expect(scsi.length).toBeGreaterThan(0);
  });

  it('getVolumes with no id sends nothing', async () => {
    const before = emulator().state.countRequests();
    expect(await clientOf(emulator()).getVolumes([])).toEqual([]);
    expect(emulator().state.countRequests()).toBe(before);
  });

  it('resize then waitForJob changes the flavor', async () => {
    const client = clientOf(emulator());
    const { jobId } = await client.resize(SERVERS.kvmStopped, 's3.xlarge.2');
    expect(jobId).toMatch(/^[0-9a-f]{32}$/);
    const job = await client.waitForJob(jobId!, FAST_WAIT);
    expect(job.status).toBe('SUCCESS');
    expect(job.entities?.server_id).toBe(SERVERS.kvmStopped);
    const server = await client.getServer(SERVERS.kvmStopped);
    expect(server.flavor.id).toBe('s3.xlarge.2');
    expect(server.status).toBe('SHUTOFF');
  });

  it('getJob returns the job in the API shape', async () => {
    const client = clientOf(emulator());
    const { jobId } = await client.resize(SERVERS.xenDrivers, 'h1.large.2');
    const job = await client.getJob(jobId!);
    expect(job.job_id).toBe(jobId);
    expect(['INIT', 'RUNNING', 'SUCCESS']).toContain(job.status);
    await client.waitForJob(jobId!, FAST_WAIT);
  });

  it('resize with withStopServer resizes a running server and starts it again', async () => {
    const client = clientOf(emulator());
    const { jobId } = await client.resize(SERVERS.kvmRunning, 's3.xlarge.2', { mode: 'withStopServer' });
    await client.waitForJob(jobId!, FAST_WAIT);
    const server = await client.getServer(SERVERS.kvmRunning);
    expect(server.flavor.id).toBe('s3.xlarge.2');
    expect(server.status).toBe('ACTIVE');
  });
});

describe('resize request bodies', () => {
  const emulator = useEmulator({ jobDurationMs: FAST_JOB_MS });

  /** A client whose fetch records each request's method, path and body on its way out. */
  const recordingClient = () => recordingClientOf(emulator());

  it('the simple call sends exactly {"resize":{"flavorRef":"…"}} to the v1 path', async () => {
    const { client, sent } = recordingClient();
    await client.resize(SERVERS.xenDrivers, 'h1.large.2');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.path).toMatch(/^\/v1\/[0-9a-f]{32}\/cloudservers\/[^/]+\/resize$/);
    expect(sent[0]!.body).toBe('{"resize":{"flavorRef":"h1.large.2"}}');
  });

  it('autoPay sends extendparam.isAutoPay as a string to v1.1 and returns the order', async () => {
    const { client, sent } = recordingClient();
    const result = await client.resize(SERVERS.prepaid, 's3.xlarge.2', { autoPay: true });
    expect(sent[0]!.path).toMatch(/^\/v1\.1\//);
    expect(JSON.parse(sent[0]!.body)).toEqual({ resize: { flavorRef: 's3.xlarge.2', extendparam: { isAutoPay: 'true' } } });
    expect(result.orderId).toBeTypeOf('string');
  });

  it('mode and dry_run go where the API wants them; a dry run creates nothing', async () => {
    const { client, sent } = recordingClient();
    const jobsBefore = emulator().state.resizeJobs.length;
    const result = await client.resize(SERVERS.kvmRunning, 'c6.xlarge.2', { mode: 'withStopServer', dryRun: true });
    expect(JSON.parse(sent[0]!.body)).toEqual({ resize: { flavorRef: 'c6.xlarge.2', mode: 'withStopServer' }, dry_run: true });
    expect(result).toEqual({});
    expect(emulator().state.resizeJobs.length).toBe(jobsBefore);
  });
});
