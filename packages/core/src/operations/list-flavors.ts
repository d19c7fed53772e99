import * as v from 'valibot';
import type { ClientContext } from '../client/client-context.js';
import { apiCall } from '../http/routes.js';
import { IdSchema } from '../input/id-schema.js';
import { parseInput } from '../input/parse-input.js';
import { requestOptionsEntries, type RequestOptions } from '../input/request-options.js';
import { ListFlavorsResponseSchema, type Flavor } from '../schemas/flavor.js';

/** Options of `listFlavors`. */
export interface ListFlavorsOptions extends RequestOptions {
  /** Only flavors sold in this availability zone (normal, obt or promotion). */
  availabilityZone?: string | undefined;
}

const InputSchema = v.object({
  options: v.optional(
    v.strictObject(
      { ...requestOptionsEntries, availabilityZone: v.optional(IdSchema) },
      'must be { availabilityZone?, signal? }: check the option names',
    ),
    {},
  ),
});

/**
 * `GET /v1/{project_id}/cloudservers/flavors`: all flavors with their `os_extra_specs`, in one
 * request (OTC documents no paging for it; Huawei's `limit` defaults to 1000).
 * @internal Exposed as `client.listFlavors`.
 */
export async function listFlavors(context: ClientContext, options?: ListFlavorsOptions): Promise<Flavor[]> {
  const { options: input } = parseInput('listFlavors', '', InputSchema, { options });
  const body = await context.transport.send({
    ...apiCall('listFlavors', { project_id: context.projectId }, { availability_zone: input.availabilityZone }),
    signal: input.signal,
    schema: ListFlavorsResponseSchema,
  });
  return body.flavors;
}
