import * as v from 'valibot';
import { NumberishSchema } from './numberish.js';

/** `server.flavor`: no extra specs here; vcpus, ram and disk are strings (ecs-api.md §4.3). */
export const ServerFlavorSchema = v.looseObject({
  id: v.string(),
  name: v.optional(v.string()),
  vcpus: v.optional(NumberishSchema),
  ram: v.optional(NumberishSchema),
  disk: v.optional(NumberishSchema),
});

/** One entry of `os-extended-volumes:volumes_attached`. */
export const AttachedVolumeSchema = v.looseObject({
  id: v.string(),
  delete_on_termination: v.optional(v.string()),
  bootIndex: v.optional(v.nullable(v.string())),
  device: v.optional(v.string()),
});

/**
 * `os:scheduler_hints` of a server. The SDK's server detail model has lists of strings here
 * (`dedicated_host_id: ["…"]`, `tenancy: ["dedicated"]`), the create request single strings:
 * UNCONFIRMED which one a server detail returns on every cloud, so both are accepted.
 */
export const SchedulerHintsSchema = v.looseObject({
  dedicated_host_id: v.optional(v.nullable(v.union([v.string(), v.array(v.string())]))),
  tenancy: v.optional(v.nullable(v.union([v.string(), v.array(v.string())]))),
});

/**
 * A server as `GET /v1/{project_id}/cloudservers/{server_id}` returns it (ecs-api.md §4).
 * Only the fields the resize checks read are validated; every other field passes through.
 */
export const ServerSchema = v.looseObject({
  id: v.string(),
  name: v.optional(v.string()),
  status: v.string(),
  'OS-EXT-STS:vm_state': v.optional(v.nullable(v.string())),
  'OS-EXT-STS:task_state': v.optional(v.nullable(v.string())),
  'OS-EXT-STS:power_state': v.optional(v.nullable(v.number())),
  'OS-EXT-AZ:availability_zone': v.optional(v.string()),
  locked: v.optional(v.nullable(v.boolean())),
  flavor: ServerFlavorSchema,
  metadata: v.optional(v.record(v.string(), v.string())),
  'os-extended-volumes:volumes_attached': v.optional(v.array(AttachedVolumeSchema)),
  'os:scheduler_hints': v.optional(v.nullable(SchedulerHintsSchema)),
});

/** A server object in the API's own JSON shape. */
export type Server = v.InferOutput<typeof ServerSchema>;

/** The body of `GET /v1/{project_id}/cloudservers/{server_id}`. */
export const GetServerResponseSchema = v.looseObject({ server: ServerSchema });

/** The body of `GET /v1/{project_id}/cloudservers/detail`. */
export const ListServersResponseSchema = v.looseObject({
  count: v.optional(v.number()),
  servers: v.array(ServerSchema),
});
