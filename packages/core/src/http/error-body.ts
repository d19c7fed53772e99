import type { ApiErrorDetail } from '../errors/EcsApiError.js';
import { htmlTitle } from './html-title.js';

/** What an error body says, whatever its shape. */
export interface ErrorBody {
  code?: string | undefined;
  message?: string | undefined;
  requestId?: string | undefined;
  details?: ApiErrorDetail[] | undefined;
}

/**
 * How much of an error body is read and parsed, in bytes: the first 64 KiB. Real error bodies
 * are a few hundred bytes; a gateway's HTML page is a few kilobytes.
 * @internal
 */
export const MAX_ERROR_BODY_BYTES = 64 * 1024;

/** Nesting deeper than this is not searched (a hostile body cannot make it recurse far). */
const MAX_DEPTH = 4;

/** A plain object, not an array. */
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string, or undefined for anything else. */
function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A string as it is, a finite number as text, undefined for anything else. */
function codeText(value: unknown): string | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : text(value);
}

/** Reads `details: [{ code, message }]` when it is there and well formed. */
function detailsOf(value: unknown): ApiErrorDetail[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter(isRecord).map((detail) => ({ code: text(detail.code), message: text(detail.message) }));
}

/**
 * Finds the error in a parsed error body, the way the official Go SDK does (ecs-api.md §5.1):
 * top-level `error_code` + `error_msg` (API gateway, IAM), else top-level `code` + `message`
 * (job queries), else the first nested object that has either (`{"error": {...}}` from ECS,
 * `{"badRequest": {...}}` from classic Nova). A numeric `code` (classic Nova) or `error_code`
 * (some gateways: `{"error_code": 123, "error_msg": "…"}`) becomes a string.
 * @internal
 */
export function parseErrorBody(body: unknown, depth = 0): ErrorBody | undefined {
  if (!isRecord(body) || depth > MAX_DEPTH) return undefined;
  const requestId = text(body.request_id);
  const errorCode = codeText(body.error_code);
  if (errorCode !== undefined) {
    return { code: errorCode, message: text(body.error_msg) ?? text(body.error_message), requestId };
  }
  const code = codeText(body.code);
  if (code !== undefined && typeof body.message === 'string') {
    return { code, message: body.message, requestId, details: detailsOf(body.details) };
  }
  for (const nested of Object.values(body)) {
    const found = parseErrorBody(nested, depth + 1);
    if (found) return { ...found, requestId: found.requestId ?? requestId };
  }
  return undefined;
}

/**
 * Reads an error response's text: the error of a JSON body, the `<title>` of an HTML page
 * (a gateway's or proxy's error page), nothing for an empty or unreadable body. Linear in the
 * length of the text; the caller passes at most {@link MAX_ERROR_BODY_BYTES} of it.
 * @internal
 */
export function parseErrorText(bodyText: string): ErrorBody {
  try {
    return parseErrorBody(JSON.parse(bodyText)) ?? {};
  } catch {
    const title = htmlTitle(bodyText);
    return title === undefined ? {} : { message: title };
  }
}
