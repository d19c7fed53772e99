import * as v from 'valibot';

/**
 * A volume attachment from `GET /v1/{project_id}/cloudservers/{server_id}/block_device`
 * (ecs-api.md §4.6). `bus` is `virtio` or `scsi`; on Xen hosts its meaning is UNCONFIRMED,
 * so the EVS `hw:passthrough` metadata stays the authority for VBD versus SCSI.
 */
export const BlockDeviceSchema = v.looseObject({
  volumeId: v.string(),
  serverId: v.optional(v.string()),
  id: v.optional(v.string()),
  size: v.optional(v.number()),
  device: v.optional(v.string()),
  bootIndex: v.optional(v.nullable(v.number())),
  bus: v.optional(v.string()),
});

/** A volume attachment in the API's own JSON shape. */
export type BlockDevice = v.InferOutput<typeof BlockDeviceSchema>;

/** The body of `GET .../block_device`. */
export const ListBlockDevicesResponseSchema = v.looseObject({
  volumeAttachments: v.array(BlockDeviceSchema),
});
