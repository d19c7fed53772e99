import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A proxy on 127.0.0.1 that passes every request on, and rewrites the answers to resizes. */
export interface RewritingProxy {
  /** Its base URL, to use as the client's endpoint. */
  readonly url: string;
  /** How many resize POSTs went through it. */
  posts(): number;
  /** Stops it, closing open connections. */
  close(): Promise<void>;
}

/**
 * Starts a proxy on 127.0.0.1 in front of `upstream` (the emulator): every request goes
 * through, so a resize really happens; a 2xx answer to a resize POST gets the fields of
 * `answer` merged in (e.g. a hostile `job_id`). Tests use it to see what the client does with
 * an answer it cannot trust after the POST went out.
 */
export async function startRewritingProxy(upstream: string, answer: Record<string, unknown>): Promise<RewritingProxy> {
  let posts = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const isResize = request.method === 'POST' && (request.url ?? '').endsWith('/resize');
      if (isResize) posts += 1;
      const headers = Object.fromEntries(
        Object.entries(request.headers).filter(([name]) => !['host', 'connection', 'content-length'].includes(name)),
      ) as Record<string, string>;
      fetch(`${upstream}${request.url ?? ''}`, {
        method: request.method ?? 'GET',
        headers,
        ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}),
      })
        .then(async (reply) => {
          const text = await reply.text();
          const body = isResize && reply.ok ? JSON.stringify({ ...(JSON.parse(text) as object), ...answer }) : text;
          response.writeHead(reply.status, { 'content-type': 'application/json' }).end(body);
        })
        .catch(() => response.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    posts: () => posts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
