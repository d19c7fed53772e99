import * as v from 'valibot';
import { IdSchema } from './id-schema.js';

/** A UUID in its usual text form, 8-4-4-4-12 hexadecimal digits, in either case. */
const UUID = /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/i;

/**
 * A server id: a UUID, as ECS gives every server (ecs-api.md §4: `instance_uuid`, "UUID of the
 * ECS"). Being a UUID, it can never be one of the words ECS uses for other APIs in its place
 * (`cloudservers/limits`, `cloudservers/os-server-groups`, `cloudservers/detail`), so neither
 * the client nor the proxy can be turned to them through a server id.
 */
export const ServerIdSchema = v.pipe(
  IdSchema,
  v.regex(UUID, 'must be a server id: a UUID such as 6f1b3c2a-0d4e-4b7a-9c11-2a5e8f000007'),
);

/**
 * Whether `value` is a server id as the client accepts one (a UUID), so that a tool can tell an
 * id from a server name without a request.
 */
export function isServerId(value: unknown): value is string {
  return v.is(ServerIdSchema, value);
}
