import * as v from 'valibot';
import type { EcsConnection } from '../connection/create-ecs-connection.js';
import { apiCall, LIST_FLAVORS } from '../http/routes.js';
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
 * Also `client.listFlavors`.
 */
export async function listFlavors(ecs: EcsConnection, options?: ListFlavorsOptions): Promise<Flavor[]> {
  const { options: input } = parseInput('listFlavors', '', InputSchema, { options });
  return _listFlavors(ecs, input);
}

/**
 * {@link listFlavors} of options already validated.
 * @internal
 */
export async function _listFlavors(ecs: EcsConnection, options: ListFlavorsOptions): Promise<Flavor[]> {
  const body = await ecs.transport.send({
    ...apiCall(LIST_FLAVORS, { project_id: ecs.projectId }, { availability_zone: options.availabilityZone }),
    signal: options.signal,
    schema: ListFlavorsResponseSchema,
  });
  return body.flavors;
}
