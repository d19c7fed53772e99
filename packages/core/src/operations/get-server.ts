import * as v from 'valibot';
import type { ClientContext } from '../client/client-context.js';
import { apiCall } from '../http/routes.js';
import { ServerIdSchema } from '../input/server-id-schema.js';
import { parseInput } from '../input/parse-input.js';
import { RequestOptionsSchema, type RequestOptions } from '../input/request-options.js';
import { GetServerResponseSchema, type Server } from '../schemas/server.js';

const InputSchema = v.object({ serverId: ServerIdSchema, options: RequestOptionsSchema });

/**
 * `GET /v1/{project_id}/cloudservers/{server_id}`: one server, in the API's own shape.
 * @internal Exposed as `client.getServer`.
 */
export async function getServer(context: ClientContext, serverId: string, options?: RequestOptions): Promise<Server> {
  const input = parseInput('getServer', '', InputSchema, { serverId, options });
  const body = await context.transport.send({
    ...apiCall('getServer', { project_id: context.projectId, server_id: input.serverId }),
    signal: input.options.signal,
    schema: GetServerResponseSchema,
  });
  return body.server;
}
