import * as v from 'valibot';

/**
 * An EVS disk from `GET /v2/{project_id}/cloudvolumes/detail` (ecs-api.md §4.6).
 * `metadata["hw:passthrough"] === "true"` means SCSI; "false" or absent means VBD.
 */
export const VolumeSchema = v.looseObject({
  id: v.string(),
  name: v.optional(v.string()),
  status: v.optional(v.string()),
  size: v.optional(v.number()),
  metadata: v.optional(v.record(v.string(), v.string())),
});

/** An EVS disk in the API's own JSON shape. */
export type Volume = v.InferOutput<typeof VolumeSchema>;

/** The body of `GET /v2/{project_id}/cloudvolumes/detail`. */
export const ListVolumesResponseSchema = v.looseObject({
  count: v.optional(v.number()),
  volumes: v.array(VolumeSchema),
});
