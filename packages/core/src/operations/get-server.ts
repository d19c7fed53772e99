import * as v from 'valibot';
import type { ClientContext } from '../client/client-context.js';
import { apiPath } from '../http/api-path.js';
import { IdSchema } from '../input/id-schema.js';
import { parseInput } from '../input/parse-input.js';
import { RequestOptionsSchema, type RequestOptions } from '../input/request-options.js';
import { GetServerResponseSchema, type Server } from '../schemas/server.js';

const InputSchema = v.object({ serverId: IdSchema, options: RequestOptionsSchema });

/**
 * `GET /v1/{project_id}/cloudservers/{server_id}`: one server, in the API's own shape.
 * @internal Exposed as `client.getServer`.
 */
export async function getServer(context: ClientContext, serverId: string, options?: RequestOptions): Promise<Server> {
  const input = parseInput('getServer', '', InputSchema, { serverId, options });
  const body = await context.transport.send({
    method: 'GET',
    path: apiPath`/v1/${context.projectId}/cloudservers/${input.serverId}`,
    signal: input.options.signal,
    schema: GetServerResponseSchema,
  });
  return body.server;
}
