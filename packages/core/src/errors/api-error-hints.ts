import { classifyApiFailure } from './failure-class.js';
import { isWrongEndpointAnswer } from './wrong-endpoint.js';

/** Advice shared by several codes. */
const PICK_ANOTHER = 'Pick a flavor different from the current one.';
const CHECK_IDS = 'Check the server id and the project id.';
const PROJECT_MISMATCH = 'The project id does not match the credentials: check the project id.';
const THROTTLED = 'The API is throttling requests: wait a few seconds and send fewer requests at once.';
const AUTH_FAILED = 'Authentication failed: check the token, or the access key, secret key and clock.';
/** For an answer that is not the ECS API's. */
const WRONG_ENDPOINT =
  'Is the endpoint right? This answer is not from the ECS API: check the endpoint (e.g. https://ecs.eu-de.otc.t-systems.com).';

/**
 * What to do about the error codes a resize meets most, from ecs-api.md §5.3 and §8, in an
 * operator's words (a console shows them as they are): no option, function or field names.
 * @internal Exported for the test that renders every hint.
 */
export const HINTS_BY_CODE: Readonly<Record<string, string>> = {
  'Ecs.0009': PICK_ANOTHER,
  'Ecs.0810': PICK_ANOTHER,
  'Ecs.0019': 'The flavor is abandoned: pick another from the flavors this server may change to.',
  'Ecs.0029': 'The flavor does not exist or was abandoned: pick one of the flavors this server may change to.',
  'Ecs.0030': 'The server is frozen (unpaid or restricted): settle the account before resizing.',
  'Ecs.0100': 'Stop the server first, or resize in the mode that stops and restarts the server; wait until no task is running.',
  'Ecs.0114': CHECK_IDS,
  'Ecs.0614': CHECK_IDS,
  'Ecs.0319': 'There is not enough capacity for this flavor: pick another flavor or try later.',
  'Ecs.0603': 'Another command is running on the server: try again in a minute.',
  'Ecs.0605': 'The server is locked: unlock it before resizing.',
  'Ecs.0023': PROJECT_MISMATCH,
  'Common.0018': PROJECT_MISMATCH,
  'Common.0011': 'Check the job id.',
  'Common.0013': 'The token is invalid or expired: get a new token.',
  'Common.0024': THROTTLED,
  'Common.1503': THROTTLED,
  'APIG.0308': THROTTLED,
  'APIGW.0308': THROTTLED,
  'APIG.0301': AUTH_FAILED,
  'APIGW.0301': AUTH_FAILED,
};

/** What to do about a status, for a code with no hint of its own (or none). */
function hintForStatus(status: number): string | undefined {
  if (status === 401) return AUTH_FAILED;
  if (status === 403) return 'Permission denied: the credentials need the ECS permission for this action.';
  const failure = classifyApiFailure(status, undefined);
  if (failure.transient) return failure.mayHaveTakenEffect ? 'The service failed: try again later.' : THROTTLED;
  if (failure.mayHaveTakenEffect) return 'The service cannot serve this request: check the endpoint.';
  return undefined;
}

/**
 * Core's advice for an API error, in an operator's words, or undefined when there is nothing
 * better to say than the API's own message. A client from `createEcsClient` gives it to its
 * errors (`EcsApiError`'s `hint`); pass it as `advice` to build such an error yourself.
 */
export function apiErrorHint(status: number, code: string | undefined): string | undefined {
  const byCode = code !== undefined && Object.hasOwn(HINTS_BY_CODE, code) ? HINTS_BY_CODE[code] : undefined;
  if (byCode !== undefined) return byCode;
  return isWrongEndpointAnswer(status, code) ? WRONG_ENDPOINT : hintForStatus(status);
}
