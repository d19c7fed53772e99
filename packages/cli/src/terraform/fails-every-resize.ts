import { EcsApiError, EcsNetworkError, isWrongEndpointError } from '@ecs-resize/core';

/** Statuses that refuse the credentials (401) or their permissions (403), whatever the server. */
const CREDENTIALS_REFUSED: ReadonlySet<number> = new Set([401, 403]);

/**
 * Whether a check's failure would be the same for every server of the plan, so that checking
 * the others only repeats it: the connection was never made (refused, host not found, no route:
 * core's `EcsNetworkError` proves the request never left), the credentials or their permissions
 * were refused (401, 403), or the answer is not from the ECS API (the endpoint is wrong). One
 * server that does not exist (`Ecs.0114`) is that server's failure, not the run's.
 */
export function failsEveryResize(error: unknown): boolean {
  if (error instanceof EcsNetworkError) return !error.mayHaveTakenEffect;
  if (!(error instanceof EcsApiError)) return false;
  return CREDENTIALS_REFUSED.has(error.status) || isWrongEndpointError(error);
}
