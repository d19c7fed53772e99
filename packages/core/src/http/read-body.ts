import * as v from 'valibot';
import { EcsResponseError } from '../errors/EcsResponseError.js';
import { parseErrorBody } from './error-body.js';
import { readText } from './read-text.js';
import type { FailedRequest } from './failed-request.js';
import { apiError } from './to-ecs-error.js';

/**
 * Reads a 2xx response (at most `maxResponseBytes` of it) and validates it against `schema`.
 * A longer body is cancelled unread and becomes an `EcsResponseError`, whose
 * `mayHaveTakenEffect` is true: a resize answered 2xx was accepted. An empty body gives `undefined`
 * when `allowEmpty` (a dry run's 202). A body that fails the schema but is an error envelope
 * (e.g. `Common.0024` "Flow limit exceeded", documented with HTTP 202) becomes an
 * `EcsApiError`; anything else unexpected becomes an `EcsResponseError`.
 * @internal
 */
export async function readBody<const TSchema extends v.GenericSchema>(
  response: Response,
  schema: TSchema,
  request: FailedRequest & { allowEmpty?: boolean | undefined },
): Promise<v.InferOutput<TSchema> | undefined> {
  const fail = (issues: string[]) => new EcsResponseError(response.status, request.method, request.url, issues, request.secrets);
  const { text, complete } = await readText(response, request, request.maxResponseBytes);
  if (!complete) throw fail([`the body is larger than ${request.maxResponseBytes} bytes (the client's maxResponseBytes)`]);
  if (text.trim() === '') {
    if (request.allowEmpty) return undefined;
    throw fail(['the body is empty']);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw fail(['the body is not valid JSON']);
  }
  const result = v.safeParse(schema, json);
  if (result.success) return result.output;
  const envelope = parseErrorBody(json);
  if (envelope?.code !== undefined) throw apiError(response, envelope, request);
  throw fail(result.issues.map((issue) => `${v.getDotPath(issue) ?? 'body'}: ${issue.message}`));
}
