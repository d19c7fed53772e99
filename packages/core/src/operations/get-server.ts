import * as v from 'valibot';
import type { EcsConnection } from '../connection/create-ecs-connection.js';
import { apiCall, GET_SERVER } from '../http/routes.js';
import { ServerIdSchema } from '../input/server-id-schema.js';
import { parseInput } from '../input/parse-input.js';
import { RequestOptionsSchema, type RequestOptions } from '../input/request-options.js';
import { GetServerResponseSchema, type Server } from '../schemas/server.js';

const InputSchema = v.object({ serverId: ServerIdSchema, options: RequestOptionsSchema });

/**
 * `GET /v1/{project_id}/cloudservers/{server_id}`: one server, in the API's own shape.
 * Also `client.getServer`.
 */
export async function getServer(ecs: EcsConnection, serverId: string, options?: RequestOptions): Promise<Server> {
  const input = parseInput('getServer', '', InputSchema, { serverId, options });
  return _getServer(ecs, input.serverId, input.options.signal);
}

/**
 * {@link getServer} of a server id already validated.
 * @internal
 */
export async function _getServer(ecs: EcsConnection, serverId: string, signal: AbortSignal | undefined): Promise<Server> {
  const body = await ecs.transport.send({
    ...apiCall(GET_SERVER, { project_id: ecs.projectId, server_id: serverId }),
    signal,
    schema: GetServerResponseSchema,
  });
  return body.server;
}
