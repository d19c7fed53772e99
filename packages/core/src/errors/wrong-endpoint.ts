import { isEcsError } from './EcsError.js';

/**
 * The codes of the services this client calls (ECS, its jobs, EVS): a 404 with one of them is
 * the service saying that a resource does not exist, e.g. `Ecs.0114` for a server. A 404 with
 * any other code, or with none (an HTML page, an empty body, another service's JSON), comes
 * from something else at that address.
 */
const SERVICE_CODE = /^(?:Ecs|Common|EVS)\./;

/** The API gateway does not know the path (both spellings are documented): the endpoint points at another API. */
const GATEWAY_UNKNOWN_PATH: ReadonlySet<string> = new Set(['APIG.0101', 'APIGW.0101']);

/**
 * Whether an answer with this status and code comes from something other than the ECS API, so
 * that the endpoint is probably wrong.
 * @internal
 */
export function isWrongEndpointAnswer(status: number, code: string | undefined): boolean {
  if (code !== undefined && GATEWAY_UNKNOWN_PATH.has(code)) return true;
  return status === 404 && (code === undefined || !SERVICE_CODE.test(code));
}

/**
 * True for an `EcsApiError` whose answer is not the ECS API's (a 404 without a service's code,
 * `APIG.0101`): the endpoint is probably wrong, and every other request to it will fail the
 * same way. A 404 of the API itself (`Ecs.0114`, no such server) is not one. Works across realms.
 */
export function isWrongEndpointError(error: unknown): boolean {
  if (!isEcsError(error) || error.name !== 'EcsApiError') return false;
  const { status, code } = error as unknown as { status: number; code: string | undefined };
  return isWrongEndpointAnswer(status, code);
}
