import type { PlanValues } from './read-plan-file.js';

/** What a provider's resize carries that the rules look at (`mode`, `autoPay`). */
export interface ProviderRequest {
  /** `withStopServer`: the cloud stops a running server, resizes it and starts it again. */
  readonly mode?: 'withStopServer';
  /** v1.1's `extendparam.isAutoPay`; absent for a request without it. */
  readonly autoPay?: boolean;
}

/** How a provider changes the flavor of one resource type. */
export interface ProviderModel {
  /** The attributes that hold the flavor; the first whose value changes is the target. */
  readonly flavorAttributes: readonly string[];
  /** What the provider sends with the resize, from the resource's planned attributes. */
  requestOf(after: PlanValues): ProviderRequest;
}

/**
 * huaweicloud_compute_instance (ecs-api.md §9.1): on a `flavor_id` or `flavor_name` change the
 * provider sends the v1.1 resize with `mode: withStopServer` always, and
 * `extendparam.isAutoPay` from the resource's `auto_pay` ("true" pays a yearly/monthly order at
 * once; anything else sends "false", leaving the order to be paid). So a running server is not
 * blocked, and a yearly/monthly server is blocked only as `--no-auto-pay` would be.
 */
const huaweicloudComputeInstance: ProviderModel = {
  flavorAttributes: ['flavor_id', 'flavor_name'],
  requestOf: (after) => ({ mode: 'withStopServer', autoPay: after['auto_pay'] === 'true' || after['auto_pay'] === true }),
};

/**
 * The opentelekomcloud resources (ecs-api.md §9.2) resize through Nova v2.1
 * (`servers.Resize`, then `ConfirmResize`), not the ECS resize API: no `mode` and no
 * `isAutoPay` are sent. The spec says Nova itself stops and restarts a running server, so a
 * running server is checked as with `withStopServer`. Whether a stopped server resized this
 * way ends well is UNCONFIRMED (the provider waits for ACTIVE): both are accepted, a stopped
 * server is not blocked either. Nothing is known of yearly/monthly servers on this path, so
 * no `autoPay` is assumed and `prepaid-auto-pay` checks them as a v1 request.
 */
const otcNovaResize = (flavorAttributes: readonly string[]): ProviderModel => ({
  flavorAttributes,
  requestOf: () => ({ mode: 'withStopServer' }),
});

/** The resource types whose flavor change is a resize, by type. */
const PROVIDER_MODELS: ReadonlyMap<string, ProviderModel> = new Map([
  ['huaweicloud_compute_instance', huaweicloudComputeInstance],
  ['opentelekomcloud_ecs_instance_v1', otcNovaResize(['flavor'])],
  ['opentelekomcloud_compute_instance_v2', otcNovaResize(['flavor_id', 'flavor_name'])],
]);

/** How the provider resizes a resource of `type`; undefined for a type that is not a server. */
export function providerModelOf(type: string): ProviderModel | undefined {
  return PROVIDER_MODELS.get(type);
}
