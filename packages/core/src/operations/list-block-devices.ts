import * as v from 'valibot';
import type { EcsConnection } from '../connection/create-ecs-connection.js';
import { apiCall, LIST_BLOCK_DEVICES } from '../http/routes.js';
import { ServerIdSchema } from '../input/server-id-schema.js';
import { parseInput } from '../input/parse-input.js';
import { RequestOptionsSchema, type RequestOptions } from '../input/request-options.js';
import { ListBlockDevicesResponseSchema, type BlockDevice } from '../schemas/block-device.js';

const InputSchema = v.object({ serverId: ServerIdSchema, options: RequestOptionsSchema });

/**
 * `GET /v1/{project_id}/cloudservers/{server_id}/block_device`: the server's volume
 * attachments (`volumeAttachments`), in the API's shape.
 * Also `client.listBlockDevices`.
 */
export async function listBlockDevices(ecs: EcsConnection, serverId: string, options?: RequestOptions): Promise<BlockDevice[]> {
  const input = parseInput('listBlockDevices', '', InputSchema, { serverId, options });
  return _listBlockDevices(ecs, input.serverId, input.options.signal);
}

/**
 * {@link listBlockDevices} of a server id already validated.
 * @internal
 */
export async function _listBlockDevices(
  ecs: EcsConnection,
  serverId: string,
  signal: AbortSignal | undefined,
): Promise<BlockDevice[]> {
  const body = await ecs.transport.send({
    ...apiCall(LIST_BLOCK_DEVICES, { project_id: ecs.projectId, server_id: serverId }),
    signal,
    schema: ListBlockDevicesResponseSchema,
  });
  return body.volumeAttachments;
}
