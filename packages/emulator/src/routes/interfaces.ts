import { ecsError } from '../errors.js';
import { jsonReply } from '../reply.js';
import { pathParam, type RouteHandler } from '../route.js';

/**
 * `GET /v1/{project_id}/cloudservers/{server_id}/os-interface` → `{"interfaceAttachments"}`, one
 * entry per NIC (ecs-api.md §11), or 404 `Ecs.0114`. Not paged.
 */
export const listServerInterfaces: RouteHandler = (context) => {
  const server = context.world.servers.get(pathParam(context, 'serverId'));
  if (server === undefined) return ecsError('Ecs.0114');
  const interfaceAttachments = server.nics.map((nic) => ({
    port_state: 'ACTIVE',
    fixed_ips: [{ subnet_id: nic.netId, ip_address: nic.ipAddress }],
    net_id: nic.netId,
    port_id: nic.portId,
    mac_addr: nic.macAddress,
  }));
  return jsonReply(200, { interfaceAttachments });
};
