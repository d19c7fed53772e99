import * as v from 'valibot';
import type { EcsConnection } from '../connection/create-ecs-connection.js';
import { apiCall, RESIZE, RESIZE_WITH_PAYMENT } from '../http/routes.js';
import { IdSchema } from '../input/id-schema.js';
import { ServerIdSchema } from '../input/server-id-schema.js';
import { ModeSchema } from '../input/mode-schema.js';
import { parseInput } from '../input/parse-input.js';
import { requestOptionsEntries, type RequestOptions } from '../input/request-options.js';
import { DryRunResponseSchema, ResizeResponseSchema } from '../schemas/resize-response.js';
import { EcsInputError } from '../errors/EcsInputError.js';
import type { Confirmations } from '../facts/assemble-facts.js';
import { PreflightSchema, type Preflight, type PreflightFinding } from '../preflight/preflight.js';
import { ConfirmationsSchema } from '../facts/confirmations-schema.js';
import { RequestFactsEntries } from '../facts/request-facts-schema.js';

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
  /**
   * For a server on a dedicated host (DeH): the host to resize on (`dedicated_host_id`), which
   * the cloud requires for such servers (`Ecs.0803`). It sends the resize to the v1.1 API,
   * which documents it (UNCONFIRMED whether v1 still accepts it).
   */
  dedicatedHostId?: string | undefined;
  /**
   * Checks to run first, e.g. `createRuleEngine()` from `@ecs-resize/rules`: the facts are
   * collected (`collectFacts`), checked, and a report with errors throws `PreflightError`
   * before anything is sent.
   */
  preflight?: Preflight | undefined;
  /** What the operator attests for the preflight (driver installs); only with `preflight`. */
  confirmations?: Confirmations | undefined;
}

/** What a resize returns: `jobId` to wait for (pay-per-use), `orderId` for yearly/monthly. */
export interface ResizeResult {
  /** The job to pass to `waitForJob`. */
  jobId?: string;
  /** The order of a yearly/monthly resize (tracked in the billing center, not `/jobs`). */
  orderId?: string;
  /** The preflight's warnings (findings at severity `warn`), when a preflight ran. */
  warnings?: PreflightFinding[];
}

const InputSchema = v.object({
  serverId: ServerIdSchema,
  flavorRef: IdSchema,
  options: v.optional(
    v.strictObject(
      {
        ...requestOptionsEntries,
        mode: ModeSchema,
        dryRun: v.optional(v.boolean('must be a boolean'), false),
        ...RequestFactsEntries,
        preflight: v.optional(PreflightSchema),
        confirmations: v.optional(ConfirmationsSchema),
      },
      'must be { mode?, dryRun?, autoPay?, dedicatedHostId?, preflight?, confirmations?, signal? }: check the option names',
    ),
    {},
  ),
});

/**
 * `POST /v1/{project_id}/cloudservers/{server_id}/resize` (v1.1 when `autoPay` or
 * `dedicatedHostId` is given) with `{"resize":{"flavorRef":"…"}}` plus only the options given;
 * the preflight sees the same `mode`, `autoPay` and `dedicatedHostId`. It is sent once: retried only on
 * 429 or a connection never made, never after a timeout or a 5xx, when it may be running.
 * Also `client.resize`.
 */
export async function resize(
  ecs: EcsConnection,
  serverId: string,
  flavorRef: string,
  options?: ResizeOptions,
): Promise<ResizeResult> {
  const input = parseInput('resize', '', InputSchema, { serverId, flavorRef, options });
  const { mode, dryRun, autoPay, dedicatedHostId, signal, preflight, confirmations } = input.options;
  if (confirmations && !preflight) {
    throw new EcsInputError('resize', [
      { path: 'options.confirmations', message: 'only apply with options.preflight: pass a preflight too' },
    ]);
  }
  // Imported only now: a page that resizes without a preflight bundles none of the look-ups.
  const warnings = preflight
    ? await import('../check/check.js').then(({ _preflightResize }) =>
        _preflightResize(ecs, input.serverId, input.flavorRef, {
          preflight,
          signal,
          mode,
          confirmations,
          autoPay,
          dedicatedHostId,
        }),
      )
    : undefined;
  const route = autoPay === undefined && dedicatedHostId === undefined ? RESIZE : RESIZE_WITH_PAYMENT;
  const call = {
    ...apiCall(route, { project_id: ecs.projectId, server_id: input.serverId }),
    json: {
      resize: {
        flavorRef: input.flavorRef,
        ...(mode ? { mode } : {}),
        ...(dedicatedHostId === undefined ? {} : { dedicated_host_id: dedicatedHostId }),
        ...(autoPay === undefined ? {} : { extendparam: { isAutoPay: String(autoPay) } }),
      },
      ...(dryRun ? { dry_run: true } : {}),
    },
    signal,
  } as const;
  const body = dryRun
    ? await ecs.transport.sendAllowingEmpty({ ...call, schema: DryRunResponseSchema })
    : await ecs.transport.send({ ...call, schema: ResizeResponseSchema });
  return {
    ...(body?.job_id === undefined ? {} : { jobId: body.job_id }),
    ...(body?.order_id === undefined ? {} : { orderId: body.order_id }),
    ...(warnings ? { warnings } : {}),
  };
}
