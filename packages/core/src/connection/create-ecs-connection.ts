import type { ApiErrorAdvice } from '../errors/api-error-advice.js';
import { EcsInputError } from '../errors/EcsInputError.js';
import { baseUrlOf, evsBeside } from '../http/endpoint.js';
import { createTransport, type Transport } from '../http/transport.js';
import { parseInput } from '../input/parse-input.js';
import type { ListBounds } from '../utils/collect-pages.js';
import { CLIENT_DEFAULTS, ClientOptionsSchema, type EcsClientOptions } from './connection-options.js';

/**
 * How a connection sends API calls: auth, retries, typed errors, validated bodies, and how
 * far a listing may go. The credentials live only inside its closures: `secrets()` is a
 * function, so that inspecting or serialising the object never shows one.
 */
export interface ConnectionTransport extends Pick<Transport, 'send' | 'sendAllowingEmpty'> {
  /** The credentials' secret values, for errors built from API answers to mask. */
  secrets(): readonly string[];
  /** How far each listing may go (the options' `maxPages` and `maxItems`). */
  readonly listBounds: ListBounds;
}

/**
 * A connection to the ECS API of one project: what every operation takes first
 * (`resize(ecs, serverId, flavorRef)`). It holds no secret in a field: `auth` only says which
 * kind of credentials signs the requests, and the credentials themselves live inside the
 * transport's closures, so `console.log`, `util.inspect` and `JSON.stringify` of a connection
 * never show one. A client from `createEcsClient` is a connection too.
 */
export interface EcsConnection {
  /** The ECS base URL, absolute, without a trailing slash. */
  readonly endpoint: string;
  /** The project id. */
  readonly projectId: string;
  /** The kind of credentials: `'token'`, `'aksk'`, or undefined when a proxy in front authenticates. */
  readonly auth: 'token' | 'aksk' | undefined;
  /** Sends the API calls. */
  readonly transport: ConnectionTransport;
}

/** Resolves an endpoint to an absolute base URL; a same-origin path needs a browser page. */
function resolveEndpoint(operation: string, endpoint: string, path: string): string {
  const page = (globalThis as { location?: { href?: string } }).location?.href;
  if (endpoint.startsWith('/') && page === undefined) {
    throw new EcsInputError(operation, [
      { path, message: 'a same-origin path needs a browser page; outside a browser give an absolute URL' },
    ]);
  }
  return baseUrlOf(endpoint, page);
}

/**
 * Validates the options and builds the connection; `operation` names the caller in errors,
 * `advice` (none by default) says what its API errors say to do.
 * @internal
 */
export function _createEcsConnection(operation: string, options: EcsClientOptions, advice?: ApiErrorAdvice): EcsConnection {
  const input = parseInput(operation, '', ClientOptionsSchema, options);
  const endpoint = resolveEndpoint(operation, input.endpoint, 'endpoint');
  const retry = input.retry ?? CLIENT_DEFAULTS.retryLimit;
  const { send, sendAllowingEmpty, secrets } = createTransport({
    ecsBase: endpoint,
    evsBase: input.evsEndpoint === undefined ? evsBeside(endpoint) : resolveEndpoint(operation, input.evsEndpoint, 'evsEndpoint'),
    projectId: input.projectId,
    auth: input.auth,
    fetch: options.fetch,
    timeout: input.timeout ?? CLIENT_DEFAULTS.timeout,
    retryLimit: typeof retry === 'number' ? retry : retry.limit,
    hooks: options.hooks,
    userAgent: input.userAgent,
    maxResponseBytes: input.maxResponseBytes ?? CLIENT_DEFAULTS.maxResponseBytes,
    advice,
  });
  return {
    endpoint,
    projectId: input.projectId,
    auth: input.auth === undefined ? undefined : 'token' in input.auth ? 'token' : 'aksk',
    transport: {
      send,
      sendAllowingEmpty,
      secrets: () => secrets,
      listBounds: {
        maxPages: input.maxPages ?? CLIENT_DEFAULTS.maxPages,
        maxItems: input.maxItems ?? CLIENT_DEFAULTS.maxItems,
      },
    },
  };
}

/**
 * Creates a connection to the ECS API of one project, for the standalone operations
 * (`resize`, `waitForJob`, `getServer`, …), so that a bundle takes only the operations it
 * calls. Same options as `createEcsClient`; nothing is sent until an operation is called.
 *
 * @example
 * const ecs = createEcsConnection({ endpoint: 'https://ecs.eu-de.otc.t-systems.com', projectId, auth: { accessKey, secretKey } });
 * const { jobId } = await resize(ecs, serverId, 's3.xlarge.2');
 * await waitForJob(ecs, jobId!);
 * @throws {EcsInputError} When an option is invalid (a secret's value is never shown).
 */
/* @__NO_SIDE_EFFECTS__ */
export function createEcsConnection(options: EcsClientOptions): EcsConnection {
  return _createEcsConnection('createEcsConnection', options);
}
