import { ecsError } from '../errors.js';
import { isScsi } from '../model.js';
import { jsonReply } from '../reply.js';
import { pathParam, type RouteHandler } from '../route.js';

/** Disk limits of a KVM server (ecs-api.md §4.6): 24 VBD, 59 SCSI, 60 in all. */
const MAX_VBD = 24;
const MAX_SCSI = 59;
const MAX_DISKS = 60;

/**
 * `GET /v1/{project_id}/cloudservers/{server_id}/block_device` → `{"attachableQuantity",
 * "volumeAttachments"}`, or 404 `Ecs.0114`. `bus` follows the volume's `hw:passthrough` unless the
 * attachment overrides it. UNCONFIRMED: the KVM limits are used for every server, Xen included.
 */
export const listBlockDevices: RouteHandler = (context) => {
  const { world } = context;
  const server = world.servers.get(pathParam(context, 'serverId'));
  if (server === undefined) return ecsError('Ecs.0114');
  const volumeAttachments = server.attachments.flatMap((attachment, index) => {
    const volume = world.volumes.get(attachment.volumeId);
    if (volume === undefined) return [];
    const bus = attachment.bus ?? (isScsi(volume) ? 'scsi' : 'virtio');
    return [
      {
        serverId: server.id,
        volumeId: volume.id,
        id: volume.id,
        size: volume.size,
        device: attachment.device,
        pciAddress: bus === 'virtio' ? `0000:02:${(index + 1).toString(16).padStart(2, '0')}.0` : '',
        bootIndex: attachment.bootIndex,
        bus,
      },
    ];
  });
  const scsi = volumeAttachments.filter(({ bus }) => bus === 'scsi').length;
  const attachableQuantity = {
    free_scsi: Math.max(0, MAX_SCSI - scsi),
    free_blk: Math.max(0, MAX_VBD - (volumeAttachments.length - scsi)),
    free_disk: Math.max(0, MAX_DISKS - volumeAttachments.length),
  };
  return jsonReply(200, { attachableQuantity, volumeAttachments });
};
