import { SERVERS } from '@ecs-resize/emulator';
import { describe, expect, it } from 'vitest';
import { saleStatusIn } from '../src/facts/flavor-facts.js';
import { EcsApiError } from '../src/index.js';
import { clientOf, rejectionOf, useEmulator } from './helpers.js';

describe('collectFacts builds the rules facts from the API', () => {
  const emulator = useEmulator();

  it('a Xen server with 24 VBD and 2 SCSI disks going to KVM', async () => {
    const facts = await clientOf(emulator()).collectFacts(SERVERS.xen24Vbd, 's3.large.2', {
      confirmations: { xenToKvmDrivers: true },
      mode: 'withStopServer',
    });
    expect(facts.server).toMatchObject({
      id: SERVERS.xen24Vbd,
      status: 'SHUTOFF',
      vmState: 'stopped',
      taskState: null,
      locked: false,
      frozen: false,
      chargingMode: 'postPaid',
      flavor: { id: 's1.xlarge', generation: 's1', virtualization: 'xen', vcpus: 4, ramMiB: 16384 },
    });
    expect(facts.server.disks.filter((disk) => disk.type === 'VBD')).toHaveLength(24);
    expect(facts.server.disks.filter((disk) => disk.type === 'SCSI')).toHaveLength(2);
    expect(facts.server.disks.every((disk) => disk.status === 'in-use')).toBe(true);
    expect(facts.target).toEqual({
      id: 's3.large.2',
      generation: 's3',
      virtualization: 'kvm',
      vcpus: 2,
      ramMiB: 4096,
      saleStatus: 'normal',
      architecture: 'x86',
      performanceType: 'normal',
      localDisks: false,
      maxNics: 2,
    });
    expect(facts.allowedTargets).toContain('s3.large.2');
    expect(facts.mode).toBe('withStopServer');
    expect(facts.confirmations).toEqual({ xenToKvmDrivers: true });
  });

  it('makes 6 requests for the first server and 5 for the next: the flavor list is cached', async () => {
    const client = clientOf(emulator());
    const count = () => emulator().state.countRequests();
    const listed = () => emulator().state.countRequests('listFlavors');
    const [before, flavorsBefore] = [count(), listed()];
    await client.collectFacts(SERVERS.kvmStopped, 's3.xlarge.2');
    // The server, resize_flavors (a page, then the empty page that ends it), the NICs, the volumes, the flavors.
    expect([count() - before, listed() - flavorsBefore]).toEqual([6, 1]);
    await client.collectFacts(SERVERS.xenStopped, 's3.xlarge.2');
    expect([count() - before, listed() - flavorsBefore]).toEqual([11, 1]);
  });

  it('reads frozen, locked, charging mode, task state and disk status', async () => {
    const client = clientOf(emulator());
    expect((await client.collectFacts(SERVERS.frozen, 's3.xlarge.2')).server.frozen).toBe(true);
    expect((await client.collectFacts(SERVERS.locked, 's3.xlarge.2')).server.locked).toBe(true);
    expect((await client.collectFacts(SERVERS.spot, 's3.xlarge.2')).server.chargingMode).toBe('spot');
    expect((await client.collectFacts(SERVERS.prepaid, 's3.xlarge.2')).server.chargingMode).toBe('prePaid');
    expect((await client.collectFacts(SERVERS.poweringOn, 's3.xlarge.2')).server.taskState).toBe('powering-on');
    const extending = await client.collectFacts(SERVERS.diskExtending, 's3.xlarge.2');
    expect(extending.server.disks.map((disk) => disk.status)).toContain('extending');
  });

  it('the sale status is the one of the server zone', async () => {
    const client = clientOf(emulator());
    expect((await client.collectFacts(SERVERS.kvmStopped, 'c6.xlarge.2')).target.saleStatus).toBe('normal');
    expect((await client.collectFacts(SERVERS.kvmStopped, 'c6.2xlarge.2')).target.saleStatus).toBe('sellout');
    expect((await client.collectFacts(SERVERS.kvmStopped, 'm1.large')).target.saleStatus).toBe('abandon');
  });

  it('an unknown target flavor is its id and that no listing has it: nothing else is assumed about it', async () => {
    const facts = await clientOf(emulator()).collectFacts(SERVERS.kvmStopped, 'zz9.unknown.9');
    expect(facts.target).toEqual({ id: 'zz9.unknown.9', exists: false });
  });

  it('a failed flavor list is not cached: the next call asks again', async () => {
    const client = clientOf(emulator(), { retry: 0 });
    emulator().faults.push({ route: 'listFlavors', kind: 'error', status: 500, times: 1 });
    expect(await rejectionOf(client.collectFacts(SERVERS.kvmStopped, 's3.xlarge.2'))).toBeInstanceOf(EcsApiError);
    const facts = await client.collectFacts(SERVERS.kvmStopped, 's3.xlarge.2');
    expect(facts.server.flavor.virtualization).toBe('kvm');
  });
});

describe('saleStatusIn', () => {
  it.each([
    [{ 'cond:operation:status': 'normal', 'cond:operation:az': 'az1(normal), az2(sellout)' }, 'az2', 'sellout'],
    [{ 'cond:operation:status': 'sellout', 'cond:operation:az': 'az1(normal)' }, 'az1', 'normal'],
    [{ 'cond:operation:status': 'abandon', 'cond:operation:az': 'az1(normal)' }, 'az3', 'abandon'],
    [{ 'cond:operation:az': ' az1 ( obt ) ,az2(normal)' }, 'az1', 'obt'],
    [{}, 'az1', 'normal'],
    [{ 'cond:operation:az': 'garbage' }, undefined, 'normal'],
  ])('%j in %s → %s', (specs, zone, expected) => {
    expect(saleStatusIn(specs, zone)).toBe(expected);
  });
});
