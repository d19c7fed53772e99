import { tooManyVolumeIds } from '../errors.js';
import { uuidFrom } from '../ids.js';
import type { EmulatorVolume } from '../model.js';
import { readText } from '../query.js';
import { jsonReply } from '../reply.js';
import type { RouteHandler } from '../route.js';
import { openstackTime } from '../time.js';
import type { World } from '../state.js';
import { attachmentsOfVolume, type VolumeAttachment } from '../volume-attachments.js';

/** The most ids one `ids` filter may name. */
const MAX_IDS = 60;

/**
 * `GET /v2/{project_id}/cloudvolumes/detail?ids=['id1','id2']` → `{"count", "volumes"}`, in the
 * order of `ids` (unknown ids are left out); every volume without `ids`. More than 60 ids: 400.
 */
export const getVolumes: RouteHandler = ({ world, query, baseUrl }) => {
  const text = readText(query, 'ids');
  const ids = text === undefined ? [...world.volumes.keys()] : parseIds(text);
  if (ids.length > MAX_IDS) return tooManyVolumeIds();
  const volumes = ids
    .flatMap((id) => world.volumes.get(id) ?? [])
    .map((volume) => renderVolume(world, volume, attachmentsOfVolume(world, volume.id), baseUrl));
  return jsonReply(200, { count: volumes.length, volumes });
};

/**
 * The ids of an `ids` filter. The documented form is the literal text `['a','b']`; `["a","b"]`
 * and a bare `a,b` are accepted too. Duplicates count once.
 */
function parseIds(text: string): string[] {
  const inner = text.trim().replace(/^\[/, '').replace(/\]$/, '');
  const ids = inner.split(',').map((part) =>
    part
      .trim()
      .replace(/^(['"])(.*)\1$/, '$2')
      .trim(),
  );
  return [...new Set(ids.filter((id) => id !== ''))];
}

/** A volume in the EVS JSON shape (SDK `VolumeDetail`), with its attachments to servers. */
function renderVolume(
  world: World,
  volume: EmulatorVolume,
  attachedTo: readonly VolumeAttachment[],
  baseUrl: string,
): Record<string, unknown> {
  const attachments = attachedTo.map(({ server, attachment }) => ({
    server_id: server.id,
    attachment_id: uuidFrom(`${server.id}/attachment/${volume.id}`),
    attached_at: openstackTime(server.created),
    host_name: null,
    volume_id: volume.id,
    device: attachment.device,
    id: volume.id,
  }));
  const href = `${baseUrl}/v2/${world.projectId}/volumes/${volume.id}`;
  return {
    id: volume.id,
    name: volume.name,
    status: volume.status,
    size: volume.size,
    volume_type: volume.volumeType,
    bootable: String(volume.bootable),
    multiattach: volume.multiattach,
    shareable: String(volume.multiattach),
    metadata: { ...volume.metadata },
    attachments,
    availability_zone: volume.availabilityZone,
    created_at: openstackTime(volume.created),
    updated_at: openstackTime(volume.created),
    description: '',
    encrypted: false,
    links: [
      { rel: 'self', href },
      { rel: 'bookmark', href: href.replace('/v2/', '/') },
    ],
    'os-vol-tenant-attr:tenant_id': world.projectId,
    replication_status: 'disabled',
    consistencygroup_id: null,
    source_volid: null,
    snapshot_id: null,
    volume_image_metadata: {},
  };
}
