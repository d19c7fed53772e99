import { ecsError } from '../errors.js';
import type { EmulatorServer } from '../model.js';
import { readInteger, readText } from '../query.js';
import { jsonReply } from '../reply.js';
import { pathParam, type RouteHandler } from '../route.js';
import type { World } from '../state.js';
import { openstackTime } from '../time.js';

/** The user every seeded resource belongs to. */
const USER_ID = '7e3a91c05b2d4f68a0c4e1b9d7f25a36';
/** `?status=SHUTOFF` also matches servers in these statuses (OTC, ecs-api.md §4.1). */
const SHUTOFF_ALSO_MATCHES = new Set(['SHUTOFF', 'RESIZE', 'REBUILD']);

/** `GET /v1/{project_id}/cloudservers/{server_id}` → `{"server": {...}}`, or 404 `Ecs.0114`. */
export const getServer: RouteHandler = (context) => {
  const server = context.world.servers.get(pathParam(context, 'serverId'));
  if (server === undefined) return ecsError('Ecs.0114');
  return jsonReply(200, { server: renderServer(context.world, server, context.baseUrl) });
};

/**
 * `GET /v1/{project_id}/cloudservers/detail` → `{"count", "servers"}`. `offset` is a page number
 * (default 1, 0 means 1), `limit` the page size (default 25, at most 1000); filters `flavor`
 * (id), `status` and `name` (substring where `.` matches any character). `count` counts every match.
 */
export const listServers: RouteHandler = ({ world, query, baseUrl }) => {
  const limit = readInteger(query, 'limit', { fallback: 25, min: 1, max: 1000 });
  const page = Math.max(1, readInteger(query, 'offset', { fallback: 1, min: 0 }));
  const flavor = readText(query, 'flavor');
  const status = readText(query, 'status');
  const name = readText(query, 'name');
  const namePattern = name === undefined ? undefined : new RegExp(name.replace(/[\\^$*+?()[\]{}|/-]/g, '\\$&'));
  const matches = [...world.servers.values()].filter(
    (server) =>
      (flavor === undefined || server.flavorId === flavor) &&
      (status === undefined || server.status === status || (status === 'SHUTOFF' && SHUTOFF_ALSO_MATCHES.has(server.status))) &&
      (namePattern === undefined || namePattern.test(server.name)),
  );
  const servers = matches.slice((page - 1) * limit, page * limit).map((server) => renderServer(world, server, baseUrl));
  return jsonReply(200, { count: matches.length, servers });
};

/** A server in the API's JSON shape (SDK `ServerDetail`). */
function renderServer(world: World, server: EmulatorServer, baseUrl: string): Record<string, unknown> {
  const flavor = world.flavors.get(server.flavorId);
  const systemDisk = server.attachments.find((attachment) => attachment.bootIndex === 0);
  const systemSize = systemDisk === undefined ? 0 : (world.volumes.get(systemDisk.volumeId)?.size ?? 0);
  const href = `${baseUrl}/v2.1/${world.projectId}/servers/${server.id}`;
  return {
    id: server.id,
    name: server.name,
    description: '',
    status: server.status,
    addresses: {},
    links: [
      { rel: 'self', href },
      { rel: 'bookmark', href: href.replace('/v2.1/', '/') },
    ],
    image: { id: server.metadata['metering.image_id'] ?? '' },
    flavor: {
      id: server.flavorId,
      name: flavor?.name ?? server.flavorId,
      disk: String(systemSize),
      vcpus: String(flavor?.vcpus ?? 0),
      ram: String(flavor?.ram ?? 0),
    },
    accessIPv4: '',
    accessIPv6: '',
    key_name: null,
    security_groups: [{ name: 'default' }],
    'OS-DCF:diskConfig': 'MANUAL',
    'OS-EXT-AZ:availability_zone': server.availabilityZone,
    'OS-EXT-STS:vm_state': server.vmState,
    'OS-EXT-STS:task_state': server.taskState,
    'OS-EXT-STS:power_state': server.powerState,
    'OS-SRV-USG:launched_at': openstackTime(server.created),
    'OS-SRV-USG:terminated_at': '',
    'os-extended-volumes:volumes_attached': server.attachments.map((attachment) => ({
      id: attachment.volumeId,
      delete_on_termination: 'false',
      bootIndex: String(attachment.bootIndex),
      device: attachment.device,
    })),
    created: server.created,
    updated: server.updated,
    tenant_id: world.projectId,
    user_id: USER_ID,
    hostId: '',
    host_status: 'UP',
    progress: 0,
    locked: server.locked,
    metadata: { ...server.metadata, 'metering.resourcespeccode': server.flavorId },
    config_drive: '',
    hypervisor: null,
    tags: [],
    sys_tags: [{ key: '_sys_enterprise_project_id', value: '0' }],
    enterprise_project_id: '0',
    // The server detail model has lists here (ecs-api.md §11; the create request has strings).
    'os:scheduler_hints':
      server.dedicatedHostId === null ? {} : { dedicated_host_id: [server.dedicatedHostId], tenancy: ['dedicated'] },
  };
}
