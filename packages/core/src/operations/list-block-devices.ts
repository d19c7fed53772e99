import * as v from 'valibot';
import type { ClientContext } from '../client/client-context.js';
import { apiPath } from '../http/api-path.js';
import { IdSchema } from '../input/id-schema.js';
import { parseInput } from '../input/parse-input.js';
import { RequestOptionsSchema, type RequestOptions } from '../input/request-options.js';
import { ListBlockDevicesResponseSchema, type BlockDevice } from '../schemas/block-device.js';

const InputSchema = v.object({ serverId: IdSchema, options: RequestOptionsSchema });

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
    method: 'GET',
    path: apiPath`/v1/${context.projectId}/cloudservers/${input.serverId}/block_device`,
    signal: input.options.signal,
    schema: ListBlockDevicesResponseSchema,
  });
  return body.volumeAttachments;
}
