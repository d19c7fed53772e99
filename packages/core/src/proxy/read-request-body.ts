import { ProxyRefusal } from './ProxyRefusal.js';

/** `application/json`, with or without parameters. */
const JSON_MEDIA_TYPE = /^application\/json\s*(;|$)/i;

/** Strict UTF-8: a malformed byte is an error, not a replacement character. */
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Whether the headers announce a body: a `Transfer-Encoding`, or a `Content-Length` other than 0. */
function announcesBody(headers: Headers): boolean {
  return headers.has('transfer-encoding') || Number(headers.get('content-length') ?? 0) !== 0;
}

/** The body's bytes, refused as soon as they pass `maxBytes`: nothing more is read. */
async function readAtMost(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (body !== null) {
    const reader = body.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      size += chunk.value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw new ProxyRefusal('bodyTooLarge');
      }
      chunks.push(chunk.value);
    }
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The JSON text of `bytes` when they are one JSON object in UTF-8, re-serialised. */
function jsonObjectText(bytes: Uint8Array): string {
  let value: unknown;
  try {
    value = JSON.parse(utf8.decode(bytes));
  } catch {
    throw new ProxyRefusal('notJsonObject');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ProxyRefusal('notJsonObject');
  return JSON.stringify(value);
}

/**
 * The body to forward for a call. A GET must announce no body. A POST must be
 * `application/json` (which a cross-site form cannot send without a CORS preflight, which the
 * proxy never grants) and one JSON object of at most `maxBytes`: a larger `Content-Length` is
 * refused before reading, a longer stream as soon as it passes the limit. The object is
 * forwarded re-serialised, so the upstream parses exactly what was checked here.
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
  return jsonObjectText(await readAtMost(request.body, maxBytes));
}
