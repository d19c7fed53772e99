import { describe, expect, it } from 'vitest';
import { SERVERS } from '../src/index.js';
import { resize, useEmulator, type Json } from './helpers.js';

const MESSAGES: Record<string, string> = {
  'Common.0002': 'The request body cannot be left blank.',
  'Ecs.0005': 'Invalid parameter values. Contact customer service.',
  'Ecs.0009': 'Another flavor must be used for resizing.',
  'Ecs.0029': 'The flavor does not exist.',
  'Ecs.0030': 'The ECS has been frozen and does not support specifications modification.',
  'Ecs.0100': 'The ECS status does not meet requirements. Make the ECS in the required status and try again.',
  'Ecs.0114': 'The ECS does not exist.',
  'Ecs.0319': 'Insufficient resources for this flavor. Try another flavor.',
  'Ecs.0605': 'ECS locked.',
};

function expectError(result: { status: number; body: Json }, code: string, status = code === 'Ecs.0114' ? 404 : 400): void {
  expect({ status: result.status, body: result.body }).toEqual({ status, body: { error: { message: MESSAGES[code], code } } });
}

describe('resize body validation', () => {
  const emulator = useEmulator();
  const valid = { flavorRef: 's3.xlarge.2' };

  it.each([
    ['an empty body', ''],
    ['a blank body', '   \n'],
  ])('refuses %s with Common.0002', async (_name, body) => {
    expectError(await resize(emulator(), SERVERS.kvmStopped, body), 'Common.0002');
  });

  it.each([
    ['invalid JSON', '{"resize":'],
    ['a JSON array', '[]'],
    ['JSON null', 'null'],
    ['no resize', {}],
    ['no flavorRef', { resize: {} }],
    ['an empty flavorRef', { resize: { flavorRef: '' } }],
    ['a numeric flavorRef', { resize: { flavorRef: 5 } }],
    ['an unknown mode', { resize: { ...valid, mode: 'withoutStop' } }],
    ['dry_run inside resize', { resize: { ...valid, dry_run: true } }],
    ['a string dry_run', { resize: valid, dry_run: 'true' }],
    ['an unknown top-level key', { resize: valid, extra: 1 }],
    ['an unknown resize key', { resize: { ...valid, flavor_ref: 'x' } }],
    ['extendparam on v1', { resize: { ...valid, extendparam: { isAutoPay: 'true' } } }],
    ['cpu_options threads 3', { resize: { ...valid, cpu_options: { 'hw:cpu_threads': 3 } } }],
    ['an empty dedicated_host_id', { resize: { ...valid, dedicated_host_id: '' } }],
  ])('refuses %s with Ecs.0005', async (_name, body) => {
    expectError(await resize(emulator(), SERVERS.kvmStopped, body), 'Ecs.0005');
  });

  it.each([
    ['a boolean isAutoPay', { isAutoPay: true }],
    ['an unknown extendparam key', { isAutoPay: 'true', chargingMode: 'prePaid' }],
  ])('refuses %s on v1.1 with Ecs.0005', async (_name, extendparam) => {
    expectError(await resize(emulator(), SERVERS.prepaid, { resize: { ...valid, extendparam } }, 'v1.1'), 'Ecs.0005');
  });

  it('answers a valid dry run with 202 and an empty body, creating nothing, whatever the server', async () => {
    emulator().state.clearRequests();
    for (const serverId of [SERVERS.kvmStopped, SERVERS.locked, '00000000-0000-4000-8000-000000000000']) {
      const { status, body, response } = await resize(emulator(), serverId, { resize: valid, dry_run: true });
      expect(status).toBe(202);
      expect(body).toBeUndefined();
      expect(response.headers.get('content-type')).toBeNull();
    }
    const full = {
      resize: {
        ...valid,
        mode: 'withStopServer',
        extendparam: { isAutoPay: 'false' },
        cpu_options: { 'hw:cpu_threads': 2 },
        dedicated_host_id: 'deh-1',
      },
      dry_run: true,
    };
    expect((await resize(emulator(), SERVERS.prepaid, full, 'v1.1')).status).toBe(202);
    const { state } = emulator();
    expect(state.resizeJobs).toEqual([]);
    expect(state.jobs.size).toBe(0);
    expect(state.servers.get(SERVERS.kvmStopped)?.status).toBe('SHUTOFF');
    expect(state.countRequests('resize')).toBe(4);
  });
});

describe('resize refusals, in the cloud’s order', () => {
  const emulator = useEmulator();
  const attempt = (serverId: string, flavorRef: string, extra: object = {}, apiVersion: 'v1' | 'v1.1' = 'v1') =>
    resize(emulator(), serverId, { resize: { flavorRef, ...extra } }, apiVersion);

  it.each([
    ['an unknown server', '00000000-0000-4000-8000-000000000000', 's3.xlarge.2', 'Ecs.0114'],
    ['a locked server', SERVERS.locked, 's3.xlarge.2', 'Ecs.0605'],
    ['a frozen server', SERVERS.frozen, 's3.xlarge.2', 'Ecs.0030'],
    ['the same flavor', SERVERS.kvmStopped, 's3.large.2', 'Ecs.0009'],
    ['an unknown flavor', SERVERS.kvmStopped, 'x9.huge.8', 'Ecs.0029'],
    ['an abandoned flavor', SERVERS.xenStopped, 'm1.large', 'Ecs.0029'],
    ['a running server without withStopServer', SERVERS.kvmRunning, 's3.xlarge.2', 'Ecs.0100'],
    ['a SHUTOFF server that is powering on', SERVERS.poweringOn, 's3.xlarge.2', 'Ecs.0100'],
    ['a spot server', SERVERS.spot, 's3.xlarge.2', 'Ecs.0005'],
    ['a yearly/monthly server on v1', SERVERS.prepaid, 's3.xlarge.2', 'Ecs.0005'],
    ['a target outside resize_flavors', SERVERS.xenStopped, 'c1.large', 'Ecs.0005'],
    ['a sold-out target', SERVERS.kvmStopped, 'c6.2xlarge.2', 'Ecs.0319'],
    ['a server with a disk extending', SERVERS.diskExtending, 's3.xlarge.2', 'Ecs.0100'],
  ])('refuses %s', async (_name, serverId, flavorRef, code) => {
    expectError(await attempt(serverId, flavorRef), code);
  });

  it('refuses with withStopServer any state but stopped or running at rest', async () => {
    const server = emulator().state.servers.get(SERVERS.kvmStopped)!;
    const states: [string, string, string | null][] = [
      ['RESIZE', 'stopped', 'resize_prep'],
      ['REBUILD', 'stopped', 'rebuilding'],
      ['MIGRATING', 'active', 'migrating'],
      ['VERIFY_RESIZE', 'resized', null],
      ['ERROR', 'error', null],
      ['SHUTOFF', 'stopped', 'powering-on'],
      ['ACTIVE', 'active', 'powering-off'],
    ];
    for (const [status, vmState, taskState] of states) {
      Object.assign(server, { status, vmState, taskState });
      expectError(await attempt(server.id, 's3.xlarge.2', { mode: 'withStopServer' }), 'Ecs.0100');
    }
    Object.assign(server, { status: 'SHUTOFF', vmState: 'stopped', taskState: null });
  });

  it('checks the sale status of the server’s availability zone', async () => {
    const server = emulator().state.servers.get(SERVERS.kvmStopped)!;
    server.availabilityZone = 'eu-de-02';
    expectError(await attempt(server.id, 'c6.xlarge.2'), 'Ecs.0319');
    server.availabilityZone = 'eu-de-01';
  });

  it('checks locked before frozen before the flavor', async () => {
    const server = emulator().state.servers.get(SERVERS.frozen)!;
    server.locked = true;
    expectError(await attempt(server.id, 'x9.huge.8'), 'Ecs.0605');
    server.locked = false;
    expectError(await attempt(server.id, 's3.large.2'), 'Ecs.0030');
  });

  it('created no job for any refusal', () => {
    expect(emulator().state.resizeJobs).toEqual([]);
    expect(emulator().state.jobs.size).toBe(0);
  });
});

describe('accepted resizes', () => {
  const emulator = useEmulator({ jobDurationMs: 60_000 });

  it('answers 200 {job_id} and puts the server in RESIZE', async () => {
    const { status, body } = await resize(emulator(), SERVERS.kvmStopped, { resize: { flavorRef: 's3.xlarge.2' } });
    expect(status).toBe(200);
    expect(body).toEqual({ job_id: expect.stringMatching(/^[0-9a-f]{32}$/) });
    const server = emulator().state.servers.get(SERVERS.kvmStopped)!;
    expect(server).toMatchObject({ status: 'RESIZE', vmState: 'stopped', taskState: 'resize_prep', flavorId: 's3.large.2' });
    expect(emulator().state.resizeJobs).toEqual([
      { jobId: body.job_id, serverId: SERVERS.kvmStopped, flavorRef: 's3.xlarge.2', dryRun: false, apiVersion: 'v1' },
    ]);
    // While the job runs, a second resize finds the server busy.
    expectError(
      await resize(emulator(), SERVERS.kvmStopped, { resize: { flavorRef: 's3.2xlarge.2', mode: 'withStopServer' } }),
      'Ecs.0100',
    );
  });

  it('accepts a yearly/monthly server on v1.1 with {order_id, job_id}', async () => {
    const body = { resize: { flavorRef: 's3.xlarge.2', extendparam: { isAutoPay: 'true' } } };
    const result = await resize(emulator(), SERVERS.prepaid, body, 'v1.1');
    expect(result.status).toBe(200);
    expect(result.body).toEqual({
      order_id: expect.stringMatching(/^CS\d{10}[A-Z]{5}$/),
      job_id: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    expect(emulator().state.resizeJobs.at(-1)).toEqual({
      jobId: result.body.job_id,
      orderId: result.body.order_id,
      serverId: SERVERS.prepaid,
      flavorRef: 's3.xlarge.2',
      dryRun: false,
      apiVersion: 'v1.1',
    });
  });

  it('answers only {job_id} for a pay-per-use server on v1.1, and accepts a Xen → KVM target the job will judge', async () => {
    const result = await resize(
      emulator(),
      SERVERS.xenStopped,
      { resize: { flavorRef: 's3.large.2', mode: 'withStopServer' } },
      'v1.1',
    );
    expect(result.status).toBe(200);
    expect(Object.keys(result.body)).toEqual(['job_id']);
    expect(emulator().state.resizeJobs.at(-1)).toMatchObject({ mode: 'withStopServer', apiVersion: 'v1.1' });
  });
});
