import * as v from 'valibot';
import type { ClientContext } from '../client/client-context.js';
import { apiCall } from '../http/routes.js';
import { ServerIdSchema } from '../input/server-id-schema.js';
import { parseInput } from '../input/parse-input.js';
import { RequestOptionsSchema, type RequestOptions } from '../input/request-options.js';
import { ListBlockDevicesResponseSchema, type BlockDevice } from '../schemas/block-device.js';

const InputSchema = v.object({ serverId: ServerIdSchema, options: RequestOptionsSchema });

/**
 * `GET /v1/{project_id}/cloudservers/{server_id}/block_device`: the server's volume
 * attachments (`volumeAttachments`), in the API's shape.
 * @internal Exposed as `client.listBlockDevices`.
 */
export async function listBlockDevices(
  context: ClientContext,
  serverId: string,
  options?: RequestOptions,
): Promise<BlockDevice[]> {
  const input = parseInput('listBlockDevices', '', InputSchema, { serverId, options });
  const body = await context.transport.send({
    ...apiCall('listBlockDevices', { project_id: context.projectId, server_id: input.serverId }),
    signal: input.options.signal,
    schema: ListBlockDevicesResponseSchema,
  });
  return body.volumeAttachments;
}
