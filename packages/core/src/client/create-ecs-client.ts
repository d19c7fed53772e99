import type { ResizeFacts } from '@ecs-resize/rules';
import type { CheckOptions, CheckResult } from '../check/check.js';
import type { CheckTargetsOptions, TargetCheck } from '../check/check-targets.js';
import { _createEcsConnection, type EcsConnection } from '../connection/create-ecs-connection.js';
import type { EcsClientOptions } from '../connection/connection-options.js';
import { apiErrorHint } from '../errors/api-error-hints.js';
import type { CollectFactsOptions } from '../facts/collect-facts.js';
import type { RequestOptions } from '../input/request-options.js';
import { getJob } from '../operations/get-job.js';
import { getServer } from '../operations/get-server.js';
import { getVolumes } from '../operations/get-volumes.js';
import { listBlockDevices } from '../operations/list-block-devices.js';
import { listFlavors, type ListFlavorsOptions } from '../operations/list-flavors.js';
import {
  listResizeFlavors,
  listResizeFlavorsForFlavor,
  type ListResizeFlavorsOptions,
} from '../operations/list-resize-flavors.js';
import { listServerInterfaces } from '../operations/list-server-interfaces.js';
import {
  listServers,
  listServersPage,
  type ListServersOptions,
  type ListServersPageOptions,
  type ServersPage,
} from '../operations/list-servers.js';
import { resize, type ResizeOptions, type ResizeResult } from '../operations/resize.js';
import { waitForJob, type WaitForJobOptions } from '../operations/wait-for-job.js';
import type { PreflightReport } from '../preflight/preflight.js';
import type { BlockDevice } from '../schemas/block-device.js';
import type { Flavor, ResizeFlavor } from '../schemas/flavor.js';
import type { InterfaceAttachment } from '../schemas/interface-attachment.js';
import type { Job } from '../schemas/job.js';
import type { Server } from '../schemas/server.js';
import type { Volume } from '../schemas/volume.js';

/**
 * A client of the ECS API for one project: every operation bound to one connection. It is a
 * connection too (it carries the connection's fields), so it can be passed to the standalone
 * operations. Every method validates its input before sending anything (`EcsInputError`),
 * and returns API objects in the API's own JSON shape.
 */
export interface EcsClient extends EcsConnection {
  /**
   * Changes the server's flavor. Returns `{ jobId }` (or `{ orderId }` for yearly/monthly);
   * pass `jobId` to `waitForJob`. Never sent twice by accident.
   */
  resize(serverId: string, flavorRef: string, options?: ResizeOptions): Promise<ResizeResult>;
  /** The server, from `GET /v1/{project_id}/cloudservers/{server_id}`. */
  getServer(serverId: string, options?: RequestOptions): Promise<Server>;
  /** All servers, every page of `GET /v1/{project_id}/cloudservers/detail`. */
  listServers(options?: ListServersOptions): Promise<Server[]>;
  /** One page of `GET /v1/{project_id}/cloudservers/detail`, with `count`, the total. */
  listServersPage(options?: ListServersPageOptions): Promise<ServersPage>;
  /** Every flavor the server may change to (`resize_flavors`, all `marker` pages). */
  listResizeFlavors(serverId: string, options?: ListResizeFlavorsOptions): Promise<ResizeFlavor[]>;
  /** Every flavor a flavor may change to, whatever the server (`resize_flavors?source_flavor_id=`). */
  listResizeFlavorsForFlavor(flavorId: string, options?: ListResizeFlavorsOptions): Promise<ResizeFlavor[]>;
  /** All flavors with their `os_extra_specs`. */
  listFlavors(options?: ListFlavorsOptions): Promise<Flavor[]>;
  /** The server's volume attachments (`block_device`). */
  listBlockDevices(serverId: string, options?: RequestOptions): Promise<BlockDevice[]>;
  /** The server's NICs (`os-interface`). */
  listServerInterfaces(serverId: string, options?: RequestOptions): Promise<InterfaceAttachment[]>;
  /** EVS disks by id, 60 ids per request. */
  getVolumes(ids: readonly string[], options?: RequestOptions): Promise<Volume[]>;
  /** The job, from `GET /v1/{project_id}/jobs/{job_id}`. */
  getJob(jobId: string, options?: RequestOptions): Promise<Job>;
  /** Polls the job until `SUCCESS` (resolves), `FAIL` (`JobFailedError`) or the timeout (`JobTimeoutError`). */
  waitForJob(jobId: string, options?: WaitForJobOptions): Promise<Job>;
  /**
   * The facts the resize rules check, built from the API: the server, then at once its
   * `resize_flavors`, its NICs and its EVS disks (and the flavor list, for the first server
   * only: this client then keeps it). See `collectFacts` for the count.
   */
  collectFacts(serverId: string, flavorRef: string, options?: CollectFactsOptions): Promise<ResizeFacts>;
  /** Checks a resize without sending it: `{ facts, report }` (see `check`). */
  check<TReport extends PreflightReport>(
    serverId: string,
    flavorRef: string,
    options: CheckOptions<TReport>,
  ): Promise<CheckResult<TReport>>;
  /** Every flavor the server may change to, each with its report (see `checkTargets`). */
  checkTargets<TReport extends PreflightReport>(
    serverId: string,
    options: CheckTargetsOptions<TReport>,
  ): Promise<TargetCheck<TReport>[]>;
}

/**
 * Creates a client of the ECS API for one project: a connection (`createEcsConnection`)
 * with every operation bound to it. Runs in browsers and Node (fetch and WebCrypto). Nothing
 * is sent until a method is called. A page that calls only a few operations bundles less with
 * `createEcsConnection` and the standalone operations. `collectFacts`, `check` and
 * `checkTargets` (the facts and their look-ups) are imported when first called, so a page
 * that never checks does not load them up front. Its API errors say what to do (`hint`, from
 * core's table `apiErrorHint`), which a bare connection's do not.
 *
 * @example
 * const ecs = createEcsClient({ endpoint: 'https://ecs.eu-de.otc.t-systems.com', projectId, auth: { accessKey, secretKey } });
 * const { jobId } = await ecs.resize(serverId, 's3.xlarge.2');
 * await ecs.waitForJob(jobId!);
 * @throws {EcsInputError} When an option is invalid (a secret's value is never shown).
 */
/* @__NO_SIDE_EFFECTS__ */
export function createEcsClient(options: EcsClientOptions): EcsClient {
  const ecs = _createEcsConnection('createEcsClient', options, apiErrorHint);
  return {
    ...ecs,
    resize: (serverId, flavorRef, resizeOptions) => resize(ecs, serverId, flavorRef, resizeOptions),
    getServer: (serverId, requestOptions) => getServer(ecs, serverId, requestOptions),
    listServers: (listOptions) => listServers(ecs, listOptions),
    listServersPage: (pageOptions) => listServersPage(ecs, pageOptions),
    listResizeFlavors: (serverId, listOptions) => listResizeFlavors(ecs, serverId, listOptions),
    listResizeFlavorsForFlavor: (flavorId, listOptions) => listResizeFlavorsForFlavor(ecs, flavorId, listOptions),
    listFlavors: (listOptions) => listFlavors(ecs, listOptions),
    listBlockDevices: (serverId, requestOptions) => listBlockDevices(ecs, serverId, requestOptions),
    listServerInterfaces: (serverId, requestOptions) => listServerInterfaces(ecs, serverId, requestOptions),
    getVolumes: (ids, requestOptions) => getVolumes(ecs, ids, requestOptions),
    getJob: (jobId, requestOptions) => getJob(ecs, jobId, requestOptions),
    waitForJob: (jobId, waitOptions) => waitForJob(ecs, jobId, waitOptions),
    collectFacts: async (serverId, flavorRef, factsOptions) =>
      (await import('../facts/collect-facts.js')).collectFacts(ecs, serverId, flavorRef, factsOptions),
    check: async (serverId, flavorRef, checkOptions) =>
      (await import('../check/check.js')).check(ecs, serverId, flavorRef, checkOptions),
    checkTargets: async (serverId, checkOptions) =>
      (await import('../check/check-targets.js')).checkTargets(ecs, serverId, checkOptions),
  };
}
