import ky, { type BeforeRequestHook, type Hooks } from 'ky';
import type * as v from 'valibot';
import type { ApiErrorAdvice } from '../errors/api-error-advice.js';
import type { AkSkCredentials, TokenCredentials } from '../auth/credentials.js';
import { authenticateRequest } from '../auth/authenticate-request.js';
import { queryString } from './query-string.js';
import { readBody } from './read-body.js';
import { fetchWithDeadline } from './attempt-deadline.js';
import type { FailedRequest } from './failed-request.js';
import { retryPolicy, type RetryContext } from './retry-policy.js';
import { toEcsError } from './to-ecs-error.js';

/** What the transport needs, resolved from the client options. */
export interface TransportConfig {
  /** Absolute ECS base URL, no trailing slash. */
  ecsBase: string;
  /** Absolute EVS base URL, no trailing slash. */
  evsBase: string;
  projectId: string;
  auth: TokenCredentials | AkSkCredentials | undefined;
  fetch: typeof fetch | undefined;
  timeout: number | false;
  retryLimit: number;
  hooks: Hooks | undefined;
  userAgent: string | undefined;
  /** The largest successful body read, in bytes. */
  maxResponseBytes: number;
  /** What the API errors it throws say to do (their `hint`); none when undefined. */
  advice: ApiErrorAdvice | undefined;
}

/** One API call. */
export interface ApiCall<TSchema extends v.GenericSchema> {
  method: 'GET' | 'POST';
  /** Which endpoint serves the path. @default 'ecs' */
  service?: 'ecs' | 'evs';
  /** The path, built with `apiCall` (`http/routes.ts`) so that ids are encoded. */
  path: string;
  /** Query parameters; undefined values are left out. */
  searchParams?: Record<string, string | number | undefined>;
  /** A JSON body. */
  json?: unknown;
  signal?: AbortSignal | undefined;
  /** The schema of a successful body. */
  schema: TSchema;
}

/** Sends API calls: auth, retries, typed errors, validated bodies. */
export interface Transport {
  /** Sends a call whose successful response must have a body matching the schema. */
  send<TSchema extends v.GenericSchema>(call: ApiCall<TSchema>): Promise<v.InferOutput<TSchema>>;
  /** Sends a call whose successful response may be empty (a dry run's 202). */
  sendAllowingEmpty<TSchema extends v.GenericSchema>(call: ApiCall<TSchema>): Promise<v.InferOutput<TSchema> | undefined>;
  /** The credentials' secret values, for the errors built from responses outside the transport to mask. */
  readonly secrets: readonly string[];
}

/**
 * The `beforeRequest` hooks of the client: the caller's, then authentication, which must sign the
 * request that is actually sent. ky ends its hook chain at the first hook that returns a request
 * (or a response), so a hook after the caller's would never see that request; with credentials,
 * one hook therefore runs the caller's hooks as ky would (a returned request replaces the request
 * and ends their chain; a returned response is answered as is, unsigned and unsent) and then
 * authenticates each attempt, freshly and in place. A first attempt that no hook replaced is the
 * request ky built from `options.body` (the JSON text of `json`), so that text is signed as it
 * is; otherwise (a replaced request, or a retry a caller's `beforeRetry` hook may have replaced)
 * the body is read from the request.
 */
function beforeRequestHooks(
  callerHooks: readonly BeforeRequestHook[],
  auth: TokenCredentials | AkSkCredentials | undefined,
  projectId: string,
): BeforeRequestHook[] {
  if (auth === undefined) return [...callerHooks];
  return [
    async (request, options, state) => {
      let sent: Request = request;
      for (const hook of callerHooks) {
        const result = await hook(sent, options, state);
        if (result instanceof Response) return result;
        if (result instanceof Request) {
          sent = result;
          break;
        }
      }
      const { body } = options;
      const firstBody = sent === request && state.retryCount === 0 && typeof body === 'string' ? body : undefined;
      await authenticateRequest(sent, auth, projectId, firstBody);
      return sent === request ? undefined : sent;
    },
  ];
}

/** The secret values of the credentials, to mask in anything taken from a response. */
function secretsOf(auth: TokenCredentials | AkSkCredentials | undefined): string[] {
  if (auth === undefined) return [];
  if ('token' in auth) return [auth.token];
  return [auth.secretKey, auth.securityToken].filter((secret): secret is string => secret !== undefined);
}

/**
 * The full URL of a call, a space in the query as `%20`, no `?` without a query. Built as text:
 * the base is a normalized URL and `apiCall` encodes the path's parameters, so the URL is parsed
 * once, by the request ky builds, rather than by a `URL` here first (4 µs a call, in a loop of
 * requests).
 */
function urlOf(config: TransportConfig, call: ApiCall<v.GenericSchema>): string {
  const base = call.service === 'evs' ? config.evsBase : config.ecsBase;
  const params = Object.entries(call.searchParams ?? {}).filter(
    (entry): entry is [string, string | number] => entry[1] !== undefined,
  );
  if (params.length === 0) return base + call.path;
  return `${base}${call.path}?${queryString(new URLSearchParams(params.map(([key, value]) => [key, String(value)])))}`;
}

/**
 * Creates the transport of a client: one ky instance per method, with its hooks and retry
 * options built here, once, rather than for every call.
 * @internal
 */
export function createTransport(config: TransportConfig): Transport {
  // Looked up at each attempt, as ky does: a global fetch replaced later is the one used.
  const currentFetch = () => config.fetch ?? fetch;
  const api = ky.create({
    // One timer per attempt, from the request to the end of its body (ky's own would stop at the headers).
    fetch:
      config.timeout === false ? (input, init) => currentFetch()(input, init) : fetchWithDeadline(currentFetch, config.timeout),
    timeout: false,
    // A redirect is an error, never followed: it would carry the credentials to another origin
    // (and a 307/308 would send a resize again).
    redirect: 'manual',
    ...(config.userAgent ? { headers: { 'User-Agent': config.userAgent } } : {}),
    hooks: {
      ...config.hooks,
      beforeRequest: beforeRequestHooks(config.hooks?.beforeRequest ?? [], config.auth, config.projectId),
    },
  });
  const secrets = secretsOf(config.auth);
  const context: RetryContext = {
    timeout: config.timeout,
    secrets,
    maxResponseBytes: config.maxResponseBytes,
    advice: config.advice,
  };
  const byMethod = {
    GET: api.extend({ retry: retryPolicy('GET', config.retryLimit, context) }),
    POST: api.extend({ retry: retryPolicy('POST', config.retryLimit, context) }),
  };

  async function exchange<TSchema extends v.GenericSchema>(call: ApiCall<TSchema>, allowEmpty: boolean) {
    const url = urlOf(config, call);
    const request: FailedRequest = { ...context, method: call.method, url, signal: call.signal };
    try {
      const response = await byMethod[call.method](url, {
        method: call.method,
        ...(call.json === undefined ? {} : { json: call.json }),
        ...(call.signal ? { signal: call.signal } : {}),
      });
      return await readBody(response, call.schema, { ...request, allowEmpty });
    } catch (error) {
      throw await toEcsError(error, request);
    }
  }

  return {
    async send(call) {
      return (await exchange(call, false)) as v.InferOutput<typeof call.schema>;
    },
    sendAllowingEmpty: (call) => exchange(call, true),
    secrets,
  };
}
