import type { ResizeFacts } from '@ecs-resize/rules';
import { EcsInputError } from '../errors/EcsInputError.js';
import { collectFacts, type CollectFactsOptions } from '../facts/collect-facts.js';
import { baseUrlOf, evsBeside } from '../http/endpoint.js';
import { createTransport } from '../http/transport.js';
import { parseInput } from '../input/parse-input.js';
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
import type { BlockDevice } from '../schemas/block-device.js';
import type { Flavor, ResizeFlavor } from '../schemas/flavor.js';
import type { InterfaceAttachment } from '../schemas/interface-attachment.js';
import type { Job } from '../schemas/job.js';
import type { Server } from '../schemas/server.js';
import type { Volume } from '../schemas/volume.js';
import type { ClientContext } from './client-context.js';
import { CLIENT_DEFAULTS, ClientOptionsSchema, type EcsClientOptions } from './client-options.js';

/**
 * A client of the ECS API for one project. Every method validates its input before sending
 * anything (`EcsInputError`), and returns API objects in the API's own JSON shape.
 */
export interface EcsClient {
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
}

/** Resolves an endpoint to an absolute base URL; a same-origin path needs a browser page. */
function resolveEndpoint(endpoint: string, path: string): string {
  const page = (globalThis as { location?: { href?: string } }).location?.href;
  if (endpoint.startsWith('/') && page === undefined) {
    throw new EcsInputError('createEcsClient', [
      { path, message: 'a same-origin path needs a browser page; outside a browser give an absolute URL' },
    ]);
  }
  return baseUrlOf(endpoint, page);
}

/**
 * Creates a client of the ECS API for one project. Runs in browsers and Node (WebCrypto and
 * fetch only). Nothing is sent until a method is called.
 *
 * @example
 * const ecs = createEcsClient({ endpoint: 'https://ecs.eu-de.otc.t-systems.com', projectId, auth: { accessKey, secretKey } });
 * const { jobId } = await ecs.resize(serverId, 's3.xlarge.2');
 * await ecs.waitForJob(jobId!);
 * @throws {EcsInputError} When an option is invalid (a secret's value is never shown).
 */
export function createEcsClient(options: EcsClientOptions): EcsClient {
  const input = parseInput('createEcsClient', '', ClientOptionsSchema, options);
  const ecsBase = resolveEndpoint(input.endpoint, 'endpoint');
  const retry = input.retry ?? CLIENT_DEFAULTS.retryLimit;
  const context: ClientContext = {
    projectId: input.projectId,
    listBounds: {
      maxPages: input.maxPages ?? CLIENT_DEFAULTS.maxPages,
      maxItems: input.maxItems ?? CLIENT_DEFAULTS.maxItems,
    },
    transport: createTransport({
      ecsBase,
      evsBase: input.evsEndpoint === undefined ? evsBeside(ecsBase) : resolveEndpoint(input.evsEndpoint, 'evsEndpoint'),
      projectId: input.projectId,
      auth: input.auth,
      fetch: options.fetch,
      timeout: input.timeout ?? CLIENT_DEFAULTS.timeout,
      retryLimit: typeof retry === 'number' ? retry : retry.limit,
      hooks: options.hooks,
      userAgent: input.userAgent,
      maxResponseBytes: input.maxResponseBytes ?? CLIENT_DEFAULTS.maxResponseBytes,
    }),
  };
  return {
    resize: (serverId, flavorRef, resizeOptions) => resize(context, serverId, flavorRef, resizeOptions),
    getServer: (serverId, requestOptions) => getServer(context, serverId, requestOptions),
    listServers: (listOptions) => listServers(context, listOptions),
    listServersPage: (pageOptions) => listServersPage(context, pageOptions),
    listResizeFlavors: (serverId, listOptions) => listResizeFlavors(context, serverId, listOptions),
    listResizeFlavorsForFlavor: (flavorId, listOptions) => listResizeFlavorsForFlavor(context, flavorId, listOptions),
    listFlavors: (listOptions) => listFlavors(context, listOptions),
    listBlockDevices: (serverId, requestOptions) => listBlockDevices(context, serverId, requestOptions),
    listServerInterfaces: (serverId, requestOptions) => listServerInterfaces(context, serverId, requestOptions),
    getVolumes: (ids, requestOptions) => getVolumes(context, ids, requestOptions),
    getJob: (jobId, requestOptions) => getJob(context, jobId, requestOptions),
    waitForJob: (jobId, waitOptions) => waitForJob(context, jobId, waitOptions),
    collectFacts: (serverId, flavorRef, factsOptions) => collectFacts(context, serverId, flavorRef, factsOptions),
  };
}
