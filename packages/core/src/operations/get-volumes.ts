import * as v from 'valibot';
import type { EcsConnection } from '../connection/create-ecs-connection.js';
import { apiCall, GET_VOLUMES } from '../http/routes.js';
import { IdSchema } from '../input/id-schema.js';
import { parseInput } from '../input/parse-input.js';
import { RequestOptionsSchema, type RequestOptions } from '../input/request-options.js';
import { ListVolumesResponseSchema, type Volume } from '../schemas/volume.js';

/** The most ids EVS takes in one `cloudvolumes/detail` call (ecs-api.md §4.6). */
export const MAX_VOLUME_IDS_PER_CALL = 60;

/** The most ids one `getVolumes` call takes. */
export const MAX_VOLUME_IDS = 6000;

const InputSchema = v.object({
  ids: v.pipe(
    v.array(IdSchema, 'must be an array of volume ids'),
    v.maxLength(MAX_VOLUME_IDS, `must hold at most ${MAX_VOLUME_IDS} ids`),
  ),
  options: RequestOptionsSchema,
});

/**
 * EVS `GET /v2/{project_id}/cloudvolumes/detail?ids=['id1','id2']`: the disks with these ids
 * (their `metadata["hw:passthrough"]` tells SCSI from VBD), in batches of 60 ids, one after
 * another. Duplicate ids are asked once; no id, no request.
 * Also `client.getVolumes`.
 */
export async function getVolumes(ecs: EcsConnection, ids: readonly string[], options?: RequestOptions): Promise<Volume[]> {
  const input = parseInput('getVolumes', '', InputSchema, { ids, options });
  return _getVolumes(ecs, input.ids, input.options.signal);
}

/**
 * {@link getVolumes} of ids already validated (volume ids from the API's own answers).
 * @internal
 */
export async function _getVolumes(
  ecs: EcsConnection,
  ids: readonly string[],
  signal: AbortSignal | undefined,
): Promise<Volume[]> {
  const unique = [...new Set(ids)];
  const volumes: Volume[] = [];
  for (let start = 0; start < unique.length; start += MAX_VOLUME_IDS_PER_CALL) {
    const batch = unique.slice(start, start + MAX_VOLUME_IDS_PER_CALL);
    const body = await ecs.transport.send({
      ...apiCall(GET_VOLUMES, { project_id: ecs.projectId }, { ids: `[${batch.map((id) => `'${id}'`).join(',')}]` }),
      signal,
      schema: ListVolumesResponseSchema,
    });
    volumes.push(...body.volumes);
  }
  return volumes;
}
