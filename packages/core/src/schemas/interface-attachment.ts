import * as v from 'valibot';

/**
 * A NIC of a server, from `GET /v1/{project_id}/cloudservers/{server_id}/os-interface`
 * (ecs-api.md §11). Only what identifies it is validated; every other field passes through.
 */
export const InterfaceAttachmentSchema = v.looseObject({
  port_id: v.string(),
  net_id: v.optional(v.string()),
  mac_addr: v.optional(v.string()),
  port_state: v.optional(v.string()),
  fixed_ips: v.optional(v.array(v.looseObject({ subnet_id: v.optional(v.string()), ip_address: v.optional(v.string()) }))),
});

/** A NIC of a server in the API's own JSON shape. */
export type InterfaceAttachment = v.InferOutput<typeof InterfaceAttachmentSchema>;

/** The body of `GET .../os-interface`. */
export const ListInterfacesResponseSchema = v.looseObject({
  interfaceAttachments: v.array(InterfaceAttachmentSchema),
});
