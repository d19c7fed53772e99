import { describe, expect, it } from 'vitest';
import { SERVERS } from '../src/index.js';
import { advanceClock, getJson, postJson, resize, useEmulator, useFrozenClock, waitForJob, type Json } from './helpers.js';

// Every job here moves only when a test moves the clock.
useFrozenClock();

const ORDER = ['INIT', 'RUNNING', 'SUCCESS', 'FAIL'];

/** The statuses were seen in lifecycle order, RUNNING among them, ending with `last`. */
function expectLifecycle(statuses: string[], last: 'SUCCESS' | 'FAIL'): void {
  expect(statuses.at(-1)).toBe(last);
  expect(statuses).toContain('RUNNING');
  expect([...statuses].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b))).toEqual(statuses);
}

describe('job lifecycle', () => {
  const emulator = useEmulator({ jobDurationMs: 1000 });

  it('goes INIT → RUNNING → SUCCESS in the §3 shape, then the server has its new flavor', async () => {
    const { body } = await resize(emulator(), SERVERS.xenDrivers, { resize: { flavorRef: 's3.large.2' } });
    const first = (await getJson(emulator(), `/v1/{p}/jobs/${body.job_id}`)).body;
    expect(first).toEqual({
      status: 'INIT',
      entities: { server_id: SERVERS.xenDrivers },
      job_id: body.job_id,
      job_type: 'resizeServer',
      begin_time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      end_time: '',
      error_code: null,
      fail_reason: null,
    });
    const during = (await getJson(emulator(), `/v1/{p}/cloudservers/${SERVERS.xenDrivers}`)).body.server;
    expect(during).toMatchObject({ status: 'RESIZE', 'OS-EXT-STS:task_state': 'resize_prep', flavor: { id: 'c1.large' } });

    const { statuses, job } = await waitForJob(emulator(), body.job_id);
    expect(['INIT', ...statuses.filter((status) => status !== 'INIT')]).toEqual(['INIT', 'RUNNING', 'SUCCESS']);
    expect(Date.parse(job.end_time) - Date.parse(job.begin_time)).toBe(1000);
    expect(job).toMatchObject({ error_code: null, fail_reason: null });

    const after = (await getJson(emulator(), `/v1/{p}/cloudservers/${SERVERS.xenDrivers}`)).body.server;
    expect(after).toMatchObject({
      status: 'SHUTOFF',
      'OS-EXT-STS:vm_state': 'stopped',
      'OS-EXT-STS:task_state': null,
      'OS-EXT-STS:power_state': 4,
      flavor: { id: 's3.large.2', name: 's3.large.2', vcpus: '2', ram: '4096' },
      metadata: { 'metering.resourcespeccode': 's3.large.2' },
    });
  });
});

describe('what the job decides', () => {
  const emulator = useEmulator({ jobDurationMs: 60 });

  const run = async (serverId: string, flavorRef: string, mode?: 'withStopServer') => {
    const accepted = await resize(emulator(), serverId, { resize: { flavorRef, ...(mode === undefined ? {} : { mode }) } });
    expect(accepted.status).toBe(200);
    const result = await waitForJob(emulator(), accepted.body.job_id);
    const server = (await getJson(emulator(), `/v1/{p}/cloudservers/${serverId}`)).body.server as Json;
    return { ...result, server };
  };

  it.each([
    ['KVM → Xen', SERVERS.kvmStopped, 's1.large', /KVM ECS cannot be changed to a Xen ECS/],
    ['Xen → KVM without drivers', SERVERS.xenStopped, 's3.large.2', /xen-pv and virtio drivers/],
    ['S1 → H1 without the driver', SERVERS.xenStopped, 'h1.large.2', /driver before changing a S1 ECS to H1/],
    ['Xen with 25 VBD disks → KVM', SERVERS.xen25Vbd, 'c6.large.2', /more than 24 VBD disks .*has 25/],
  ])('fails later: %s', async (_name, serverId, flavorRef, reason) => {
    const before = emulator().state.servers.get(serverId)!.flavorId;
    const { statuses, job, server } = await run(serverId, flavorRef);
    expectLifecycle(statuses, 'FAIL');
    expect(job.error_code).toBe('Ecs.0207');
    expect(job.fail_reason).toMatch(reason);
    expect(job.end_time).not.toBe('');
    expect(server).toMatchObject({
      status: 'SHUTOFF',
      'OS-EXT-STS:vm_state': 'stopped',
      'OS-EXT-STS:task_state': null,
      flavor: { id: before },
    });
  });

  it.each([
    ['Xen with exactly 24 VBD (and 2 SCSI) → KVM', SERVERS.xen24Vbd, 's3.xlarge.2'],
    ['C1 → H1 with the driver', SERVERS.xenDrivers, 'h1.xlarge.2'],
    ['KVM with SCSI disks → KVM', SERVERS.kvmScsi, 'c6.xlarge.2'],
  ])('succeeds: %s', async (_name, serverId, flavorRef) => {
    const { statuses, job, server } = await run(serverId, flavorRef);
    expectLifecycle(statuses, 'SUCCESS');
    expect(job.error_code).toBeNull();
    expect(server.flavor.id).toBe(flavorRef);
  });

  it('reads drivers when the job ends, not when it starts', async () => {
    const server = emulator().state.servers.get(SERVERS.xen25Vbd)!;
    server.attachments.pop();
    const accepted = await resize(emulator(), server.id, { resize: { flavorRef: 's3.large.2' } });
    server.drivers.xenToKvm = false;
    const { job } = await waitForJob(emulator(), accepted.body.job_id);
    expect(job.status).toBe('FAIL');
    expect(job.fail_reason).toMatch(/drivers/);
  });

  it('withStopServer on a running server: stops, resizes and starts it again', async () => {
    const { statuses, server } = await run(SERVERS.kvmRunning, 's3.xlarge.2', 'withStopServer');
    expectLifecycle(statuses, 'SUCCESS');
    expect(server).toMatchObject({
      status: 'ACTIVE',
      'OS-EXT-STS:vm_state': 'active',
      'OS-EXT-STS:task_state': null,
      'OS-EXT-STS:power_state': 1,
      flavor: { id: 's3.xlarge.2', vcpus: '4', ram: '8192' },
    });
  });

  it('withStopServer on a running server that fails later: restores it running, flavor unchanged', async () => {
    const { job, server } = await run(SERVERS.xenRunning, 's3.large.2', 'withStopServer');
    expect(job.status).toBe('FAIL');
    expect(server).toMatchObject({
      status: 'ACTIVE',
      'OS-EXT-STS:vm_state': 'active',
      'OS-EXT-STS:power_state': 1,
      flavor: { id: 's1.large' },
    });
  });

  it('advances jobs on state reads, with no request in between', async () => {
    const accepted = await resize(emulator(), SERVERS.kvmStopped, { resize: { flavorRef: 's3.2xlarge.2' } });
    advanceClock(60);
    const { state } = emulator();
    expect(state.jobs.get(accepted.body.job_id)?.status).toBe('SUCCESS');
    expect(state.servers.get(SERVERS.kvmStopped)?.flavorId).toBe('s3.2xlarge.2');
  });

  it('answers an unknown job with 400 and a top-level Common.0011 body', async () => {
    const { status, body } = await getJson(emulator(), '/v1/{p}/jobs/ff80808288d41e1b018990260955686a');
    expect(status).toBe(400);
    expect(body).toEqual({ code: 'Common.0011', message: 'Failed to query system tasks.' });
  });
});

describe('POST /v1/{project_id}/cloudservers/action', () => {
  const emulator = useEmulator({ jobDurationMs: 60 });
  const action = (body: unknown) => postJson(emulator(), '/v1/{p}/cloudservers/action', body);

  it('stops a running server through a job with sub-jobs, then starts it again', async () => {
    const stop = await action({ 'os-stop': { type: 'SOFT', servers: [{ id: SERVERS.kvmRunning }] } });
    expect(stop.status).toBe(200);
    expect(emulator().state.servers.get(SERVERS.kvmRunning)).toMatchObject({ status: 'ACTIVE', taskState: 'powering-off' });
    const stopped = await waitForJob(emulator(), stop.body.job_id);
    expect(stopped.job).toMatchObject({
      status: 'SUCCESS',
      job_type: 'batchStopServer',
      entities: {
        sub_jobs_total: 1,
        sub_jobs: [{ status: 'SUCCESS', entities: { server_id: SERVERS.kvmRunning }, job_type: 'stopServer' }],
      },
    });
    expect(emulator().state.servers.get(SERVERS.kvmRunning)).toMatchObject({
      status: 'SHUTOFF',
      vmState: 'stopped',
      taskState: null,
      powerState: 4,
    });

    const start = await action({ 'os-start': { servers: [{ id: SERVERS.kvmRunning }] } });
    expect(emulator().state.servers.get(SERVERS.kvmRunning)).toMatchObject({ status: 'SHUTOFF', taskState: 'powering-on' });
    expect((await waitForJob(emulator(), start.body.job_id)).job.status).toBe('SUCCESS');
    expect(emulator().state.servers.get(SERVERS.kvmRunning)).toMatchObject({
      status: 'ACTIVE',
      vmState: 'active',
      powerState: 1,
    });
  });

  it.each([
    ['a blank body', '', 400, 'Common.0002'],
    ['two actions', { 'os-stop': { servers: [{ id: SERVERS.kvmStopped }] }, 'os-start': { servers: [] } }, 400, 'Ecs.0005'],
    ['no servers', { 'os-stop': { servers: [] } }, 400, 'Ecs.0005'],
    ['a bad stop type', { 'os-stop': { type: 'NOW', servers: [{ id: SERVERS.xenRunning }] } }, 400, 'Ecs.0005'],
    ['an unknown server', { 'os-stop': { servers: [{ id: 'nope' }] } }, 404, 'Ecs.0114'],
    ['starting a running server', { 'os-start': { servers: [{ id: SERVERS.xenRunning }] } }, 400, 'Ecs.0100'],
  ])('refuses %s', async (_name, body, status, code) => {
    const result = await action(body);
    expect(result.status).toBe(status);
    expect(result.body.error.code).toBe(code);
  });
});
