import { EcsApiError, EcsNetworkError, isWrongEndpointError } from '@ecs-resize/core';

/**
 * The 403 codes that deny a permission, which IAM can grant or deny per server: a policy can be
 * limited to an enterprise project, and the resize action's resource is the `instance`
 * (ecs-api.md §1.1, §5.3: `Ecs.0003` no permission, `Ecs.0110` ask the main account,
 * `Pdp.0001` the policy denies). Whether the cloud then denies one server's request and allows
 * another's is UNCONFIRMED, so such a 403 is taken as the server's own failure: the run goes
 * on, at the cost of one quick answer per server when in fact every one is denied. Every other
 * 403 (no code, the gateway's `APIG.*`, `Ecs.0004` authentication failed, `Ecs.0066`–`0071`
 * account restrictions) is about the credentials or the account, the same for every server.
 */
const SERVER_PERMISSION_DENIED: ReadonlySet<string> = new Set(['Ecs.0003', 'Ecs.0110', 'Pdp.0001']);

/**
 * Whether a check's failure would be the same for every server of the plan, so that checking
 * the others only repeats it: the connection was never made (refused, host not found, no route:
 * core's `EcsNetworkError` proves the request never left), the credentials were refused (401,
 * or a 403 that is not a permission IAM may deny for one server only, see
 * {@link SERVER_PERMISSION_DENIED}), or the answer is not from the ECS API (the endpoint is
 * wrong). One server that does not exist (`Ecs.0114`) is that server's failure, not the run's;
 * so is one timeout (`watchForSilentEndpoint` decides when timeouts stop the run).
 */
export function failsEveryResize(error: unknown): boolean {
  if (error instanceof EcsNetworkError) return !error.mayHaveTakenEffect;
  if (!(error instanceof EcsApiError)) return false;
  if (error.status === 401) return true;
  if (error.status === 403) return error.code === undefined || !SERVER_PERMISSION_DENIED.has(error.code);
  return isWrongEndpointError(error);
}
