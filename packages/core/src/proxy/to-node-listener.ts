/// <reference types="node" />
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ProxyHandler } from './create-proxy-handler.js';
import { proxyErrorResponse } from './proxy-errors.js';
import { answerRefusals, ProxyRefusal } from './ProxyRefusal.js';
import { assertPlainTarget } from './request-target.js';

/** The origin of the `Request`s made here: the proxy handler reads only their path and query. */
const LOCAL_ORIGIN = 'http://localhost';

/** `RequestInit` with `duplex`, which a streamed body needs (not in TypeScript's DOM types). */
interface StreamingRequestInit extends RequestInit {
  duplex?: 'half';
}

/** A Node request body as a web stream, and a way to throw away what is left of it. */
interface NodeBody {
  /** The body, read as it is pulled (Node pauses the socket in between). */
  readonly stream: ReadableStream<Uint8Array>;
  /** Stops passing the body on and discards the rest, as Node does with a body nobody reads. */
  discard(): void;
}

/** The body of `req` as a {@link NodeBody}. */
function nodeBody(req: IncomingMessage): NodeBody {
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  const onData = (chunk: Uint8Array) => {
    controller?.enqueue(chunk);
    if ((controller?.desiredSize ?? 0) <= 0) req.pause();
  };
  const onEnd = () => controller?.close();
  const onError = (error: Error) => controller?.error(error);
  const discard = () => {
    req.off('data', onData).off('end', onEnd).off('error', onError).resume();
  };
  const stream = new ReadableStream<Uint8Array>({
    start(streamController) {
      controller = streamController;
      req.on('data', onData).on('end', onEnd).on('error', onError);
    },
    pull: () => void req.resume(),
    cancel: discard,
  });
  return { stream, discard };
}

/** The request's headers, every value of each. */
function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, values] of Object.entries(req.headersDistinct)) {
    for (const value of values ?? []) headers.append(name, value);
  }
  return headers;
}

/**
 * `req` as a fetch `Request`, once its raw target has passed {@link assertPlainTarget}: URL
 * parsing would resolve `..`, `%2e%2e` and backslashes, and absolute-form would name a host.
 */
function toRequest(req: IncomingMessage, body: NodeBody | undefined): Request {
  const target = req.url ?? '';
  assertPlainTarget(target);
  try {
    const method = req.method ?? '';
    const headers = headersOf(req);
    const init: StreamingRequestInit = body ? { method, headers, body: body.stream, duplex: 'half' } : { method, headers };
    return new Request(new URL(target, LOCAL_ORIGIN), init);
  } catch {
    // A method fetch forbids (CONNECT, TRACE) or a header value it refuses.
    throw new ProxyRefusal('malformedRequest');
  }
}

/** Answers one request with the handler and discards whatever of its body was left unread. */
async function serve(handler: ProxyHandler, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : nodeBody(req);
  const response = await answerRefusals(() => handler(toRequest(req, body))).catch(() => proxyErrorResponse('internal'));
  const bytes = new Uint8Array(await response.arrayBuffer());
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(bytes);
  body?.discard();
}

/**
 * Adapts a fetch-style handler (such as {@link createProxyHandler}'s) to a `node:http` request
 * listener: `http.createServer(toNodeListener(handler))`, or a route of a Node framework that
 * passes `IncomingMessage` / `ServerResponse`.
 *
 * Before the request becomes a `Request`, its raw target is checked the way the proxy checks
 * paths (400 `PROXY.0400` / `PROXY.0410`), because URL parsing would silently resolve `..`,
 * `%2e%2e` and backslashes. A body the handler leaves unread (a refused request) is discarded,
 * not buffered. A handler that throws is answered 500 `PROXY.0500`.
 */
export function toNodeListener(handler: ProxyHandler): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    serve(handler, req, res).catch(() => res.destroy());
  };
}
