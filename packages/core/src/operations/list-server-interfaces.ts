import * as v from 'valibot';
import type { EcsConnection } from '../connection/create-ecs-connection.js';
import { apiCall, LIST_SERVER_INTERFACES } from '../http/routes.js';
import { ServerIdSchema } from '../input/server-id-schema.js';
import { parseInput } from '../input/parse-input.js';
import { RequestOptionsSchema, type RequestOptions } from '../input/request-options.js';
import { ListInterfacesResponseSchema, type InterfaceAttachment } from '../schemas/interface-attachment.js';

const InputSchema = v.object({ serverId: ServerIdSchema, options: RequestOptionsSchema });

/**
 * `GET /v1/{project_id}/cloudservers/{server_id}/os-interface`: the server's NICs
 * (`interfaceAttachments`), in the API's shape. One request, not paged.
 * Also `client.listServerInterfaces`.
 */
export async function listServerInterfaces(
  ecs: EcsConnection,
  serverId: string,
  options?: RequestOptions,
): Promise<InterfaceAttachment[]> {
  const input = parseInput('listServerInterfaces', '', InputSchema, { serverId, options });
  return _listServerInterfaces(ecs, input.serverId, input.options.signal);
}

/**
 * {@link listServerInterfaces} of a server id already validated.
 * @internal
 */
export async function _listServerInterfaces(
  ecs: EcsConnection,
  serverId: string,
  signal: AbortSignal | undefined,
): Promise<InterfaceAttachment[]> {
  const body = await ecs.transport.send({
    ...apiCall(LIST_SERVER_INTERFACES, { project_id: ecs.projectId, server_id: serverId }),
    signal,
    schema: ListInterfacesResponseSchema,
  });
  return body.interfaceAttachments;
}
