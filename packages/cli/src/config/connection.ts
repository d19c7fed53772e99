import { UsageError } from '../errors/UsageError.js';
import { credentialsFromEnv, type ResolvedCredentials } from './credentials.js';
import { ENV, envValue, type Environment } from './environment.js';
import { endpointForRegion } from './region-endpoint.js';

/** The connection flags (`--endpoint`, `--project-id`, `--region`), as given. */
export interface ConnectionFlags {
  readonly endpoint?: string | undefined;
  readonly projectId?: string | undefined;
  readonly region?: string | undefined;
}

/** A setting and where it came from (a flag or a variable name), to show the operator. */
export interface Sourced {
  readonly value: string;
  readonly source: string;
}

/** Everything needed to call the API. */
export interface Connection {
  readonly endpoint: Sourced;
  readonly projectId: Sourced;
  readonly credentials: ResolvedCredentials;
}

/**
 * The ECS endpoint. Flags first, then the environment: `--endpoint`, the endpoint of
 * `--region`, `ECS_ENDPOINT`, the endpoint of `HW_REGION_NAME`.
 * @throws {UsageError} When none is given, or the region is not a region name.
 */
export function resolveEndpoint(flags: ConnectionFlags, env: Environment): Sourced {
  if (flags.endpoint !== undefined) return { value: flags.endpoint, source: '--endpoint' };
  if (flags.region !== undefined) return { value: endpointForRegion(flags.region), source: `--region ${flags.region}` };
  const endpoint = envValue(env, ENV.endpoint);
  if (endpoint !== undefined) return { value: endpoint, source: ENV.endpoint };
  const region = envValue(env, ENV.region);
  if (region !== undefined) return { value: endpointForRegion(region), source: `${ENV.region}=${region}` };
  throw new UsageError(`No endpoint: pass --region (e.g. eu-de) or --endpoint, or set ${ENV.region} or ${ENV.endpoint}.`);
}

/**
 * The project id: `--project-id`, then `HW_PROJECT_ID`.
 * @throws {UsageError} When neither is set.
 */
export function resolveProjectId(flags: ConnectionFlags, env: Environment): Sourced {
  if (flags.projectId !== undefined) return { value: flags.projectId, source: '--project-id' };
  const projectId = envValue(env, ENV.projectId);
  if (projectId !== undefined) return { value: projectId, source: ENV.projectId };
  throw new UsageError(`No project id: pass --project-id or set ${ENV.projectId}.`);
}

/**
 * The endpoint, the project id and the credentials (from the environment only).
 * @throws {UsageError} When one is missing.
 */
export function resolveConnection(flags: ConnectionFlags, env: Environment): Connection {
  return { endpoint: resolveEndpoint(flags, env), projectId: resolveProjectId(flags, env), credentials: credentialsFromEnv(env) };
}
