import * as v from 'valibot';
import type { ClientContext } from '../client/client-context.js';
import { apiPath } from '../http/api-path.js';
import { IdSchema } from '../input/id-schema.js';
import { parseInput } from '../input/parse-input.js';
import { requestOptionsEntries, type RequestOptions } from '../input/request-options.js';
import { DryRunResponseSchema, ResizeResponseSchema } from '../schemas/resize-response.js';

/** Options of `resize`. */
export interface ResizeOptions extends RequestOptions {
  /**
   * `'withStopServer'`: a running server is stopped, resized and started again by the cloud
   * (Huawei; UNCONFIRMED on OTC). Without it the server must already be stopped.
   */
  mode?: 'withStopServer' | undefined;
  /**
   * Only check the request's format (202, nothing changes). It does not check the server's
   * state or the flavor: the preflight rules do that.
   * @default false
   */
  dryRun?: boolean | undefined;
  /**
   * For yearly/monthly servers: pay the order automatically (`true`) or leave it to pay by hand
   * (`false`). Setting it at all sends the resize to the v1.1 API, which such servers need.
   * @default undefined (v1 API, pay-per-use)
   */
  autoPay?: boolean | undefined;
}

/** What a resize returns: `jobId` to wait for (pay-per-use), `orderId` for yearly/monthly. */
export interface ResizeResult {
  /** The job to pass to `waitForJob`. */
  jobId?: string;
  /** The order of a yearly/monthly resize (tracked in the billing center, not `/jobs`). */
  orderId?: string;
}

const InputSchema = v.object({
  serverId: IdSchema,
  flavorRef: IdSchema,
  options: v.optional(
    v.strictObject(
      {
        ...requestOptionsEntries,
        mode: v.optional(v.literal('withStopServer', "must be 'withStopServer' or absent")),
        dryRun: v.optional(v.boolean('must be a boolean'), false),
        autoPay: v.optional(v.boolean('must be a boolean')),
      },
      'must be { mode?, dryRun?, autoPay?, signal? }: check the option names',
    ),
    {},
  ),
});

/**
 * `POST /v1/{project_id}/cloudservers/{server_id}/resize` (v1.1 when `autoPay` is given) with
 * `{"resize":{"flavorRef":"…"}}` plus only the options given. It is sent once: retried only on
 * 429 or a connection never made, never after a timeout or a 5xx, when it may be running.
 * @internal Exposed as `client.resize`.
 */
export async function resize(
  context: ClientContext,
  serverId: string,
  flavorRef: string,
  options?: ResizeOptions,
): Promise<ResizeResult> {
  const input = parseInput('resize', '', InputSchema, { serverId, flavorRef, options });
  const { mode, dryRun, autoPay, signal } = input.options;
  const version = autoPay === undefined ? 'v1' : 'v1.1';
  const call = {
    method: 'POST',
    path: `/${version}${apiPath`/${context.projectId}/cloudservers/${input.serverId}/resize`}`,
    json: {
      resize: {
        flavorRef: input.flavorRef,
        ...(mode ? { mode } : {}),
        ...(autoPay === undefined ? {} : { extendparam: { isAutoPay: String(autoPay) } }),
      },
      ...(dryRun ? { dry_run: true } : {}),
    },
    signal,
  } as const;
  const body = dryRun
    ? await context.transport.sendAllowingEmpty({ ...call, schema: DryRunResponseSchema })
    : await context.transport.send({ ...call, schema: ResizeResponseSchema });
  return {
    ...(body?.job_id === undefined ? {} : { jobId: body.job_id }),
    ...(body?.order_id === undefined ? {} : { orderId: body.order_id }),
  };
}
