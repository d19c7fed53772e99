import type { Hooks } from 'ky';
import * as v from 'valibot';
import {
  AkSkCredentialsSchema,
  TokenCredentialsSchema,
  type AkSkCredentials,
  type TokenCredentials,
} from '../auth/credentials.js';
import { EndpointSchema } from '../http/endpoint.js';
import { IdSchema } from '../input/id-schema.js';
import { wholeNumber } from '../input/whole-number.js';

/** The longest duration accepted anywhere (a timeout, a wait, a poll), in milliseconds: what a timer can hold. */
export const MAX_TIMEOUT = 2_147_483_647;

/** The most retries accepted. */
export const MAX_RETRY_LIMIT = 10;

/** The largest `maxResponseBytes` accepted: 1 GiB. */
export const MAX_RESPONSE_BYTES = 1024 * 1024 * 1024;

/** The largest `maxPages` accepted. */
export const MAX_PAGES = 1_000_000;

/** The largest `maxItems` accepted. */
export const MAX_ITEMS = 100_000_000;

/** Options of {@link createEcsClient}, as validated. */
export const ClientOptionsSchema = v.strictObject(
  {
    endpoint: EndpointSchema,
    evsEndpoint: v.optional(EndpointSchema),
    projectId: IdSchema,
    auth: v.optional(
      v.union([TokenCredentialsSchema, AkSkCredentialsSchema], 'must be { token } or { accessKey, secretKey, securityToken? }'),
    ),
    fetch: v.optional(v.function('must be a fetch function')),
    timeout: v.optional(
      v.union(
        [v.literal(false), wholeNumber(1, MAX_TIMEOUT)],
        `must be false or a whole number of milliseconds from 1 to ${MAX_TIMEOUT}`,
      ),
    ),
    retry: v.optional(
      v.union(
        [wholeNumber(0, MAX_RETRY_LIMIT), v.strictObject({ limit: wholeNumber(0, MAX_RETRY_LIMIT) })],
        `must be a whole number from 0 to ${MAX_RETRY_LIMIT}, or { limit }`,
      ),
    ),
    hooks: v.optional(v.looseObject({}, 'must be an object of hook arrays (ky hooks)')),
    userAgent: v.optional(v.pipe(v.string(), v.regex(/^[\x20-\x7e]{1,256}$/, 'must be printable ASCII, at most 256 characters'))),
    maxResponseBytes: v.optional(wholeNumber(1024, MAX_RESPONSE_BYTES)),
    maxPages: v.optional(wholeNumber(1, MAX_PAGES)),
    maxItems: v.optional(wholeNumber(1, MAX_ITEMS)),
  },
  'must be an options object; check the option names',
);

/** Options of {@link createEcsClient}. */
export interface EcsClientOptions {
  /**
   * The ECS endpoint, e.g. `https://ecs.eu-de.otc.t-systems.com` or
   * `https://ecs.ap-southeast-1.myhuaweicloud.com`; in a browser, a same-origin path to a
   * signing proxy, e.g. `/ecs-proxy` (ECS sends no CORS headers).
   */
  endpoint: string;
  /**
   * The EVS endpoint, for `getVolumes`.
   * @default `endpoint` with its `ecs.` host prefix replaced by `evs.`; otherwise `endpoint` itself
   */
  evsEndpoint?: string | undefined;
  /** The project id (32 hex characters on both clouds). */
  projectId: string;
  /**
   * How to authenticate: an IAM token, or AK/SK (signed with `SDK-HMAC-SHA256`, temporary
   * credentials with `securityToken`). Undefined when a proxy in front authenticates.
   * @default undefined
   */
  auth?: TokenCredentials | AkSkCredentials | undefined;
  /**
   * The `fetch` to use.
   * @default globalThis.fetch
   */
  fetch?: typeof fetch | undefined;
  /**
   * Milliseconds each attempt may take, or `false` for none. A resize that times out is never
   * sent again automatically.
   * @default 30000
   */
  timeout?: number | false | undefined;
  /**
   * How many times a failed request is retried (reads on network errors, timeouts, 429 and
   * 5xx; a resize only on 429 and on connections never made).
   * @default 2
   */
  retry?: number | { limit: number } | undefined;
  /**
   * ky hooks, run before the client's own: authentication comes last, so the request a
   * `beforeRequest` hook changes or returns is the one signed and sent (a returned `Response`
   * is the answer, and nothing is sent).
   */
  hooks?: Hooks | undefined;
  /**
   * A `User-Agent` header (Node; browsers do not let a page set it).
   * @default not set
   */
  userAgent?: string | undefined;
  /**
   * The largest successful response body read, in bytes, counted after decompression (from
   * 1 KiB to 1 GiB). A longer body is cancelled as soon as it passes this, and the call throws
   * `EcsResponseError`. Error bodies are read to their first 64 KiB only.
   * @default 8388608 (8 MiB: a page of 1,000 servers is about 3 MB)
   */
  maxResponseBytes?: number | undefined;
  /**
   * The most requests one listing (`listServers`, `listResizeFlavors`) makes. A server that
   * keeps answering with more pages ends the listing with an `EcsResponseError` that says so.
   * @default 1000
   */
  maxPages?: number | undefined;
  /**
   * The most items one listing collects; past this, or when the server's `count` says more,
   * the listing ends with an `EcsResponseError` that says so.
   * @default 100000
   */
  maxItems?: number | undefined;
}

/** The defaults of the optional client options. */
export const CLIENT_DEFAULTS = {
  timeout: 30_000,
  retryLimit: 2,
  maxResponseBytes: 8 * 1024 * 1024,
  maxPages: 1000,
  maxItems: 100_000,
} as const;
