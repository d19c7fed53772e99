import * as v from 'valibot';
import type { ClientContext } from '../client/client-context.js';
import { apiCall } from '../http/routes.js';
import { ServerIdSchema } from '../input/server-id-schema.js';
import { parseInput } from '../input/parse-input.js';
import { RequestOptionsSchema, type RequestOptions } from '../input/request-options.js';
import { ListInterfacesResponseSchema, type InterfaceAttachment } from '../schemas/interface-attachment.js';

const InputSchema = v.object({ serverId: ServerIdSchema, options: RequestOptionsSchema });

/**
 * `GET /v1/{project_id}/cloudservers/{server_id}/os-interface`: the server's NICs
 * (`interfaceAttachments`), in the API's shape. One request, not paged.
 * @internal Exposed as `client.listServerInterfaces`.
 */
export async function listServerInterfaces(
  context: ClientContext,
  serverId: string,
  options?: RequestOptions,
): Promise<InterfaceAttachment[]> {
  const input = parseInput('listServerInterfaces', '', InputSchema, { serverId, options });
  const body = await context.transport.send({
    ...apiCall('listServerInterfaces', { project_id: context.projectId, server_id: input.serverId }),
    signal: input.options.signal,
    schema: ListInterfacesResponseSchema,
  });
  return body.interfaceAttachments;
}
