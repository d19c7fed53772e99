import { jsonReply, type Reply } from './reply.js';

/** ECS error codes the emulator sends, with their HTTP status and message (ecs-api.md §5.3). */
const ECS_ERRORS = {
  'Common.0001': [500, 'A system exception occurred. Contact customer service.'],
  'Common.0002': [400, 'The request body cannot be left blank.'],
  'Ecs.0005': [400, 'Invalid parameter values. Contact customer service.'],
  'Ecs.0009': [400, 'Another flavor must be used for resizing.'],
  'Ecs.0023': [400, 'project_id in token mismatches with project_id in url.'],
  'Ecs.0029': [400, 'The flavor does not exist.'],
  'Ecs.0030': [400, 'The ECS has been frozen and does not support specifications modification.'],
  'Ecs.0100': [400, 'The ECS status does not meet requirements. Make the ECS in the required status and try again.'],
  'Ecs.0114': [404, 'The ECS does not exist.'],
  'Ecs.0207': [400, 'Failed to modify the ECS specifications. Try again later or contact customer service.'],
  'Ecs.0319': [400, 'Insufficient resources for this flavor. Try another flavor.'],
  'Ecs.0605': [400, 'ECS locked.'],
  'Ecs.0803': [400, 'The ECS runs on a dedicated host: dedicated_host_id is mandatory for modifying its specifications.'],
  'Ecs.0805': [400, 'A large-memory, GPU or FPGA ECS can be modified only within its own flavor family.'],
  'Ecs.0806': [400, 'The specifications of ECSs of this flavor cannot be modified.'],
  'Ecs.0807': [400, 'The number of ECS NICs exceeds the maximum number allowed on the target ECS. Uninstall excess NICs.'],
} as const satisfies Record<string, readonly [number, string]>;

/** An ECS error code the emulator knows. */
export type EcsErrorCode = keyof typeof ECS_ERRORS;

/** The table message of an ECS error code. */
export function ecsMessage(code: EcsErrorCode): string {
  return ECS_ERRORS[code][1];
}

/** The ECS error answer: `{"error": {"message", "code"}}` with the code's HTTP status. */
export function ecsError(code: EcsErrorCode): Reply {
  const [status, message] = ECS_ERRORS[code];
  return jsonReply(status, { error: { message, code } });
}

/** The API gateway's error answer: `{"error_msg", "error_code", "request_id"}`. */
export function apigError(status: number, code: string, message: string, requestId: string): Reply {
  return jsonReply(status, { error_msg: message, error_code: code, request_id: requestId });
}

/** The gateway's answer for a path it has no API for (404), or a method it has none for on that path (405). */
export function apiNotFound(status: 404 | 405, requestId: string, headers: Readonly<Record<string, string>> = {}): Reply {
  const message =
    status === 404 ? 'The API does not exist or has not been published in the environment' : 'The API does not exist.';
  const reply = apigError(status, 'APIG.0101', message, requestId);
  return { ...reply, headers: { ...reply.headers, ...headers } };
}

/**
 * The gateway's answer for a request it cannot parse (a malformed target). UNCONFIRMED: the
 * gateway's code for it is not documented; the emulator uses `APIG.0201` with HTTP 400.
 */
export function malformedRequest(requestId: string): Reply {
  return apigError(400, 'APIG.0201', 'The request is malformed.', requestId);
}

/**
 * The gateway's answer for a request body over its limit, closing the connection (the rest of
 * the body is never read). UNCONFIRMED: the gateway's code for it is not documented; the
 * emulator uses `APIG.0201` with HTTP 413.
 */
export function bodyTooLarge(requestId: string): Reply {
  const reply = apigError(413, 'APIG.0201', 'The request body is too large.', requestId);
  return { ...reply, headers: { ...reply.headers, Connection: 'close' } };
}

/**
 * The job API's error answer. Unlike the other ECS APIs it puts `code` and `message` at the top
 * level (ecs-api.md §3: "message and code ... present only when an error occurs in the request to
 * query a job"), so clients must parse this shape too.
 */
export function jobQueryError(): Reply {
  return jsonReply(400, { code: 'Common.0011', message: 'Failed to query system tasks.' });
}

/**
 * EVS's answer when `ids` names more than 60 volumes. UNCONFIRMED: EVS documents `EVS.2228`
 * "input volume ids must not be over 60." for another API; the emulator uses it here too.
 */
export function tooManyVolumeIds(): Reply {
  return jsonReply(400, { error: { message: 'input volume ids must not be over 60.', code: 'EVS.2228' } });
}

/** Thrown by a route to stop and answer with `reply` (e.g. a bad query parameter). */
export class ReplyError extends Error {
  /** The answer to send. */
  readonly reply: Reply;

  /** Wraps the answer to send. */
  constructor(reply: Reply) {
    super(`Request answered with HTTP ${reply.status}`);
    this.name = 'ReplyError';
    this.reply = reply;
  }
}
