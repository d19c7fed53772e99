import { readAtMost } from '../utils/read-at-most.js';
import { ProxyRefusal } from './ProxyRefusal.js';

/** `application/json`, with or without parameters. */
const JSON_MEDIA_TYPE = /^application\/json\s*(;|$)/i;

/** Strict UTF-8: a malformed byte is an error, not a replacement character. */
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Whether the headers announce a body: a `Transfer-Encoding`, or a `Content-Length` other than 0. */
function announcesBody(headers: Headers): boolean {
  return headers.has('transfer-encoding') || Number(headers.get('content-length') ?? 0) !== 0;
}

/** The deepest nesting of objects and arrays accepted in a POST body (a resize body has 3 levels). */
const MAX_JSON_DEPTH = 32;

/** How deep `text` nests objects and arrays, counted in one pass (brackets inside strings skipped), without recursion. */
function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') deepest = Math.max(deepest, (depth += 1));
    else if (char === '}' || char === ']') depth -= 1;
  }
  return deepest;
}

/** The JSON text of `bytes` when they are one JSON object in UTF-8, not nested too deep, re-serialised. */
function jsonObjectText(bytes: Uint8Array): string {
  let value: unknown;
  try {
    const text = utf8.decode(bytes);
    // Re-serialising recurses once per level: a deeply nested body must not overflow the stack.
    if (nestingDepth(text) > MAX_JSON_DEPTH) throw new ProxyRefusal('notJsonObject');
    value = JSON.parse(text);
  } catch {
    throw new ProxyRefusal('notJsonObject');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ProxyRefusal('notJsonObject');
  return JSON.stringify(value);
}

/**
 * The body to forward for a call. A GET must announce no body. A POST must be
 * `application/json` (which a cross-site form cannot send without a CORS preflight, which the
 * proxy never grants) and one JSON object of at most `maxBytes`, nested at most 32 levels: a
 * larger `Content-Length` is refused before reading, a longer stream as soon as it passes the
 * limit (never buffered past it). The object is forwarded re-serialised, so the upstream parses
 * exactly what was checked here.
 * @returns The JSON text of a POST body; undefined for a GET.
 * @throws {ProxyRefusal} `bodyOnGet`, `notJson`, `bodyTooLarge` or `notJsonObject`.
 * @internal
 */
export async function readRequestBody(request: Request, method: 'GET' | 'POST', maxBytes: number): Promise<string | undefined> {
  if (method === 'GET') {
    if (announcesBody(request.headers)) throw new ProxyRefusal('bodyOnGet');
    return undefined;
  }
  if (!JSON_MEDIA_TYPE.test(request.headers.get('content-type') ?? '')) throw new ProxyRefusal('notJson');
  if (Number(request.headers.get('content-length') ?? 0) > maxBytes) throw new ProxyRefusal('bodyTooLarge');
  const { bytes, complete } = await readAtMost(request.body, maxBytes);
  if (!complete) throw new ProxyRefusal('bodyTooLarge');
  return jsonObjectText(bytes);
}
