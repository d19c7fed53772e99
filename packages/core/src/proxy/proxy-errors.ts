import { proxyResponse } from './proxy-response.js';

/** One way the proxy can refuse or fail a request. */
interface ProxyErrorSpec {
  /** The HTTP status of the answer. */
  readonly status: number;
  /** The `error_code` of the body, `PROXY.xxxx`. */
  readonly code: string;
  /** The `error_msg` of the body: fixed text that never echoes the request. */
  readonly message: string;
}

/**
 * Every answer the proxy makes itself, by kind. The body is the API gateway's shape,
 * `{"error_msg": "...", "error_code": "PROXY.xxxx"}`, so the client reads it as an `EcsApiError`
 * with that code. Messages are fixed text: nothing of the request is echoed.
 * @internal
 */
export const PROXY_ERRORS = {
  malformedRequest: {
    status: 400,
    code: 'PROXY.0400',
    message:
      'The request is malformed: the target must be a path (origin-form) of printable ASCII, without a fragment and not overly long, with a standard method.',
  },
  ambiguousPath: {
    status: 400,
    code: 'PROXY.0410',
    message:
      'The path is ambiguous: dot segments, empty segments (//, a trailing /), backslashes and percent-encoding (%2e, %2f) are refused.',
  },
  bodyOnGet: { status: 400, code: 'PROXY.0411', message: 'A GET request must not carry a body.' },
  notJson: { status: 400, code: 'PROXY.0415', message: 'A POST body must be sent with Content-Type: application/json.' },
  notJsonObject: { status: 400, code: 'PROXY.0422', message: 'A POST body must be a JSON object, in UTF-8.' },
  notAllowed: {
    status: 403,
    code: 'PROXY.0403',
    message: 'This path is not one the proxy forwards: only the ECS and EVS calls of @ecs-resize/core are allowed.',
  },
  methodNotAllowed: { status: 403, code: 'PROXY.0405', message: 'This method is not allowed on this path.' },
  outsideBasePath: { status: 403, code: 'PROXY.0430', message: 'The path is outside the path the proxy is mounted at.' },
  otherProject: { status: 403, code: 'PROXY.0431', message: 'The project id in the path is not the project this proxy serves.' },
  queryNotAllowed: {
    status: 403,
    code: 'PROXY.0432',
    message: 'A query parameter is not one the client sends with this call, or it is repeated.',
  },
  bodyTooLarge: { status: 413, code: 'PROXY.0413', message: 'The request body is larger than the proxy accepts.' },
  internal: { status: 500, code: 'PROXY.0500', message: 'The proxy failed to handle the request.' },
  upstreamUnreachable: {
    status: 502,
    code: 'PROXY.0502',
    message:
      'The ECS endpoint could not be reached or dropped the connection: a resize may or may not have been received; check the server before trying again.',
  },
  upstreamTooLarge: {
    status: 502,
    code: 'PROXY.0513',
    message:
      'The ECS endpoint answered with a body larger than the proxy passes on: a resize may still have been received; check the server before trying again.',
  },
  upstreamTimeout: {
    status: 504,
    code: 'PROXY.0504',
    message:
      'The ECS endpoint did not answer in time: a resize may still have been received; check the server before trying again.',
  },
} as const satisfies Record<string, ProxyErrorSpec>;

/**
 * A kind of answer the proxy makes itself.
 * @internal
 */
export type ProxyErrorKind = keyof typeof PROXY_ERRORS;

/**
 * The proxy's own JSON answer for `kind`.
 * @internal
 */
export function proxyErrorResponse(kind: ProxyErrorKind): Response {
  const { status, code, message } = PROXY_ERRORS[kind];
  return proxyResponse(status, JSON.stringify({ error_msg: message, error_code: code }), {
    'Content-Type': 'application/json;charset=UTF-8',
  });
}
