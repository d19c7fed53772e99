import { EcsApiError, EcsNetworkError } from '@ecs-resize/core';

/** Statuses that refuse the credentials (401) or their permissions (403), whatever the server. */
const CREDENTIALS_REFUSED: ReadonlySet<number> = new Set([401, 403]);

/**
 * The hint core gives an answer that is not the ECS API's ("Is the endpoint right?": a 404
 * without a service's code, `APIG.0101`), read from core's own table through an error of that
 * kind, so that the CLI never classifies by message text. Read when needed: the table is
 * installed with the client's module.
 */
const wrongEndpointHint = () => new EcsApiError({ status: 404, method: 'GET', url: '' }).hint;

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
  return CREDENTIALS_REFUSED.has(error.status) || (error.hint !== undefined && error.hint === wrongEndpointHint());
}
