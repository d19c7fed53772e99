import type { FaultKind } from './faults.js';
import type { EmulatorJob } from './job-model.js';
import type { EmulatorData, EmulatorFlavor, EmulatorServer, EmulatorVolume } from './model.js';
import type { RouteName } from './route-names.js';

/** One request as the emulator saw it. */
export interface RequestLogEntry {
  /** HTTP method. */
  readonly method: string;
  /** Path as received (still percent-encoded), without the query. */
  readonly path: string;
  /** The route it matched; null for an unknown path, a wrong method or a CORS preflight. */
  route: RouteName | null;
  /** The status sent; null while in progress or when the socket was reset without an answer. */
  status: number | null;
  /** The kinds of the faults that hit this request, in the order they acted. */
  readonly faults: FaultKind[];
  /** The `X-Request-Id` sent with the answer. */
  readonly requestId: string;
}

/** A resize the emulator accepted (dry runs create none). */
export interface ResizeJobRecord {
  /** The job created. */
  readonly jobId: string;
  /** The server resized. */
  readonly serverId: string;
  /** The target flavor. */
  readonly flavorRef: string;
  /** `mode`, when sent. */
  readonly mode?: 'withStopServer';
  /** The order id, for a yearly/monthly server resized through v1.1. */
  readonly orderId?: string;
  /** `dedicated_host_id`, when sent. */
  readonly dedicatedHostId?: string;
  /** Always false: a dry run creates no record. */
  readonly dryRun: false;
  /** Which resize API was called. */
  readonly apiVersion: 'v1' | 'v1.1';
}

/** The emulator's mutable data. */
export interface World {
  /** The project id the emulator serves. */
  readonly projectId: string;
  /** Servers by id. */
  readonly servers: Map<string, EmulatorServer>;
  /** Flavors by id. */
  readonly flavors: Map<string, EmulatorFlavor>;
  /** EVS volumes by id. */
  readonly volumes: Map<string, EmulatorVolume>;
  /** Jobs by id. */
  readonly jobs: Map<string, EmulatorJob>;
  /** Accepted resizes, in order. */
  readonly resizeJobs: ResizeJobRecord[];
  /** The latest requests, in order of arrival (at most the option `maxLoggedRequests` of them). */
  readonly requests: RequestLogEntry[];
}

/**
 * What tests see of a running emulator: the live world (change it freely) plus request counting.
 * Every read of a property first advances the jobs to the current time. Change servers through a
 * fresh read (`state.servers.get(id)`): a read also tells the emulator to index the volume
 * attachments again, which a map kept from before a request does not.
 */
export interface EmulatorState extends World {
  /** How many logged requests matched `route` (all of them when omitted; `null` counts the unrouted ones). */
  countRequests(route?: RouteName | null): number;
  /** Empties the request log. */
  clearRequests(): void;
}

/**
 * Appends `entry` to the request log, which keeps at most `max` entries: when it is full, the
 * oldest tenth (at least one) is dropped at once, so that a request costs the same however long
 * the log is (dropping one entry at a time moves all the others: 0.1 ms a request at 100,000).
 */
export function logRequest(requests: RequestLogEntry[], entry: RequestLogEntry, max: number): void {
  if (max === 0) return;
  if (requests.length >= max) requests.splice(0, Math.ceil(max / 10));
  requests.push(entry);
}

/** A world holding a private copy of `data`. */
export function createWorld(data: EmulatorData, projectId: string): World {
  const copy = structuredClone(data);
  return {
    projectId,
    servers: new Map(copy.servers.map((server) => [server.id, server])),
    flavors: new Map(copy.flavors.map((flavor) => [flavor.id, flavor])),
    volumes: new Map(copy.volumes.map((volume) => [volume.id, volume])),
    jobs: new Map(),
    resizeJobs: [],
    requests: [],
  };
}

/** The public view of `world`: each property read calls `beforeRead` first. */
export function createStateView(world: World, beforeRead: () => void): EmulatorState {
  const read = <K extends keyof World>(key: K): World[K] => {
    beforeRead();
    return world[key];
  };
  return {
    get projectId() {
      return world.projectId;
    },
    get servers() {
      return read('servers');
    },
    get flavors() {
      return read('flavors');
    },
    get volumes() {
      return read('volumes');
    },
    get jobs() {
      return read('jobs');
    },
    get resizeJobs() {
      return read('resizeJobs');
    },
    get requests() {
      return world.requests;
    },
    countRequests(route) {
      return route === undefined ? world.requests.length : world.requests.filter((entry) => entry.route === route).length;
    },
    clearRequests() {
      world.requests.length = 0;
    },
  };
}
