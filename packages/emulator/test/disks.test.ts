import { describe, expect, it } from 'vitest';
import { SERVERS } from '../src/index.js';
import { getJson, useEmulator, type Json } from './helpers.js';

describe('GET /v1/{project_id}/cloudservers/{server_id}/block_device', () => {
  const emulator = useEmulator();
  const devices = (id: string) => getJson(emulator(), `/v1/{p}/cloudservers/${id}/block_device`);

  it('answers the shape, with virtio and scsi buses', async () => {
    const { status, body } = await devices(SERVERS.kvmScsi);
    expect(status).toBe(200);
    expect(body.attachableQuantity).toEqual({ free_scsi: 57, free_blk: 22, free_disk: 56 });
    expect(body.volumeAttachments).toHaveLength(4);
    expect(body.volumeAttachments[0]).toEqual({
      serverId: SERVERS.kvmScsi,
      volumeId: expect.any(String),
      id: body.volumeAttachments[0].volumeId,
      size: 40,
      device: '/dev/vda',
      pciAddress: '0000:02:01.0',
      bootIndex: 0,
      bus: 'virtio',
    });
    expect(body.volumeAttachments.map((attachment: Json) => [attachment.bus, attachment.bootIndex, attachment.device])).toEqual([
      ['virtio', 0, '/dev/vda'],
      ['scsi', -1, '/dev/sda'],
      ['scsi', -1, '/dev/sdb'],
      ['virtio', -1, '/dev/vdb'],
    ]);
  });

  it('is consistent with the server’s volumes_attached for the 24-VBD server', async () => {
    const { body } = await devices(SERVERS.xen24Vbd);
    const buses = body.volumeAttachments.map((attachment: Json) => attachment.bus);
    expect(buses.filter((bus: string) => bus === 'virtio')).toHaveLength(24);
    expect(buses.filter((bus: string) => bus === 'scsi')).toHaveLength(2);
    const server = (await getJson(emulator(), `/v1/{p}/cloudservers/${SERVERS.xen24Vbd}`)).body.server;
    expect(server['os-extended-volumes:volumes_attached'].map((volume: Json) => volume.id)).toEqual(
      body.volumeAttachments.map((attachment: Json) => attachment.volumeId),
    );
  });

  it('lets an attachment override bus, and answers 404 Ecs.0114 for an unknown server', async () => {
    const server = emulator().state.servers.get(SERVERS.kvmStopped)!;
    server.attachments[1]!.bus = 'scsi';
    expect((await devices(SERVERS.kvmStopped)).body.volumeAttachments[1].bus).toBe('scsi');
    const unknown = await devices('00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('Ecs.0114');
  });
});

describe('GET /v2/{project_id}/cloudvolumes/detail', () => {
  const emulator = useEmulator();
  const volumeIds = async (serverId: string): Promise<string[]> =>
    (await getJson(emulator(), `/v1/{p}/cloudservers/${serverId}/block_device`)).body.volumeAttachments.map(
      (attachment: Json) => attachment.volumeId,
    );
  const detail = (ids: string) => getJson(emulator(), `/v2/{p}/cloudvolumes/detail?ids=${encodeURIComponent(ids)}`);

  it("answers the EVS shape for ids=['a','b'], with hw:passthrough only on SCSI disks", async () => {
    const [system, scsi, , vbd] = await volumeIds(SERVERS.kvmScsi);
    const { status, body } = await detail(`['${system}','${scsi}','${vbd}']`);
    expect(status).toBe(200);
    expect(body.count).toBe(3);
    const [systemVolume, scsiVolume, vbdVolume] = body.volumes;
    expect(systemVolume).toMatchObject({
      id: system,
      name: 'kvm-c6-scsi-disks-system',
      status: 'in-use',
      size: 40,
      volume_type: 'SSD',
      bootable: 'true',
      multiattach: false,
      metadata: {},
      attachments: [
        {
          server_id: SERVERS.kvmScsi,
          attachment_id: expect.any(String),
          device: '/dev/vda',
          volume_id: system,
          attached_at: expect.any(String),
        },
      ],
    });
    expect(scsiVolume).toMatchObject({ id: scsi, bootable: 'false', metadata: { 'hw:passthrough': 'true' } });
    expect(vbdVolume.metadata).not.toHaveProperty('hw:passthrough');
  });

  it('parses ["a","b"] and a bare comma list too, and skips unknown ids', async () => {
    const [first, second] = await volumeIds(SERVERS.kvmStopped);
    expect((await detail(`["${first}","${second}"]`)).body.volumes.map((volume: Json) => volume.id)).toEqual([first, second]);
    expect((await detail(`${second},${first},unknown`)).body).toMatchObject({ count: 2 });
  });

  it('shows a disk in status extending', async () => {
    const [, data] = await volumeIds(SERVERS.diskExtending);
    expect((await detail(`['${data}']`)).body.volumes[0].status).toBe('extending');
  });

  it('refuses more than 60 ids with an EVS error body (60 is fine)', async () => {
    const ids = Array.from({ length: 61 }, (_, index) => `'id-${index}'`);
    expect((await detail(`[${ids.slice(0, 60).join(',')}]`)).status).toBe(200);
    const { status, body } = await detail(`[${ids.join(',')}]`);
    expect(status).toBe(400);
    expect(body).toEqual({ error: { message: 'input volume ids must not be over 60.', code: 'EVS.2228' } });
  });
});
