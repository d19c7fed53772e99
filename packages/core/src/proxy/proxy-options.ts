import * as v from 'valibot';
import {
  AkSkCredentialsSchema,
  TokenCredentialsSchema,
  type AkSkCredentials,
  type TokenCredentials,
} from '../auth/credentials.js';
import { CLIENT_DEFAULTS, MAX_RESPONSE_BYTES, MAX_TIMEOUT } from '../connection/connection-options.js';
import { AbsoluteEndpointSchema, baseUrlOf, evsBeside } from '../http/endpoint.js';
import { IdSchema } from '../input/id-schema.js';
import { parseInput } from '../input/parse-input.js';
import { wholeNumber } from '../input/whole-number.js';

/** The largest `maxBodyBytes`: the API gateway's limit for an AK/SK request body (12 MB). */
const MAX_BODY_BYTES = 12 * 1024 * 1024;

/** The defaults of the optional proxy options. */
const PROXY_DEFAULTS = {
  basePath: '',
  timeout: 30_000,
  maxBodyBytes: 64 * 1024,
  maxResponseBytes: CLIENT_DEFAULTS.maxResponseBytes,
} as const;

/** Options of {@link createProxyHandler}. */
export interface ProxyOptions {
  /** The ECS endpoint the proxy calls, e.g. `https://ecs.eu-de.otc.t-systems.com`. */
  endpoint: string;
  /**
   * The EVS endpoint, for `GET /v2/{project_id}/cloudvolumes/detail` (the client's `getVolumes`).
   * @default `endpoint` with its `ecs.` host prefix swapped for `evs.`; otherwise `endpoint` itself
   */
  evsEndpoint?: string | undefined;
  /** The only project id the proxy forwards calls for; a path with another is refused. */
  projectId: string;
  /**
   * How the proxy authenticates every call it forwards: an IAM token (sent as `X-Auth-Token`),
   * or AK/SK (`X-Project-Id` set, then signed with `signRequest`). Whatever credentials the
   * browser sends are dropped.
   */
  auth: TokenCredentials | AkSkCredentials;
  /**
   * The path the browser calls the proxy at, as the handler sees it, e.g. `/ecs-proxy` (the
   * client's `endpoint` is then `/ecs-proxy`); it is taken off before matching, and any path
   * outside it is refused. `''` when the framework already strips the mount path.
   * @default ''
   */
  basePath?: string | undefined;
  /**
   * The `fetch` for the upstream call.
   * @default globalThis.fetch
   */
  fetch?: typeof fetch | undefined;
  /**
   * Milliseconds the upstream call may take, to the end of its body; then the proxy answers
   * 504. A resize is never sent twice.
   * @default 30000
   */
  timeout?: number | undefined;
  /**
   * The largest request body accepted, in bytes; a larger one is answered 413.
   * @default 65536
   */
  maxBodyBytes?: number | undefined;
  /**
   * The largest upstream response body passed back, in bytes (from 1 KiB to 1 GiB), counted
   * after decompression. A longer one is cancelled as soon as it passes this, never buffered
   * whole, and answered 502 `PROXY.0513`.
   * @default 8388608 (8 MiB, as the client's `maxResponseBytes`)
   */
  maxResponseBytes?: number | undefined;
}

/**
 * The options, validated and resolved.
 * @internal
 */
export interface ProxyConfig {
  /** Absolute ECS base URL, no trailing slash. */
  readonly ecsBase: string;
  /** Absolute EVS base URL, no trailing slash. */
  readonly evsBase: string;
  /** The one project id served. */
  readonly projectId: string;
  /** The upstream credentials. */
  readonly auth: TokenCredentials | AkSkCredentials;
  /** The mount path, `''` or `/…` without a trailing slash. */
  readonly basePath: string;
  /** The caller's `fetch`, or undefined for the global one. */
  readonly fetch: typeof fetch | undefined;
  /** Milliseconds for the upstream call, body included. */
  readonly timeout: number;
  /** The largest request body, in bytes. */
  readonly maxBodyBytes: number;
  /** The largest upstream response body, in bytes. */
  readonly maxResponseBytes: number;
}

/** Options of {@link createProxyHandler}, as validated. */
const ProxyOptionsSchema = v.strictObject(
  {
    endpoint: AbsoluteEndpointSchema,
    evsEndpoint: v.optional(AbsoluteEndpointSchema),
    projectId: IdSchema,
    auth: v.union(
      [TokenCredentialsSchema, AkSkCredentialsSchema],
      'must be { token } or { accessKey, secretKey, securityToken? }',
    ),
    basePath: v.optional(
      v.pipe(
        v.string('must be a string'),
        v.regex(
          /^(\/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)*$/,
          "must be '' or a path such as /ecs-proxy: segments of letters, digits, '.', '_', '~' and '-', none starting with '.', no trailing '/'",
        ),
      ),
      PROXY_DEFAULTS.basePath,
    ),
    fetch: v.optional(v.function('must be a fetch function')),
    timeout: v.optional(wholeNumber(1, MAX_TIMEOUT), PROXY_DEFAULTS.timeout),
    maxBodyBytes: v.optional(wholeNumber(1, MAX_BODY_BYTES), PROXY_DEFAULTS.maxBodyBytes),
    maxResponseBytes: v.optional(wholeNumber(1024, MAX_RESPONSE_BYTES), PROXY_DEFAULTS.maxResponseBytes),
  },
  'must be an options object; check the option names',
);

/**
 * Validates the options and fills in the defaults.
 * @throws {EcsInputError} When an option is invalid; a secret's value is never shown.
 * @internal
 */
export function resolveProxyOptions(options: ProxyOptions): ProxyConfig {
  const input = parseInput('createProxyHandler', '', ProxyOptionsSchema, options);
  const ecsBase = baseUrlOf(input.endpoint);
  return {
    ecsBase,
    evsBase: input.evsEndpoint === undefined ? evsBeside(ecsBase) : baseUrlOf(input.evsEndpoint),
    projectId: input.projectId,
    auth: input.auth,
    basePath: input.basePath,
    fetch: options.fetch,
    timeout: input.timeout,
    maxBodyBytes: input.maxBodyBytes,
    maxResponseBytes: input.maxResponseBytes,
  };
}
