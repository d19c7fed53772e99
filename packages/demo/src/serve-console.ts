import { createProxyHandler, toNodeListener } from '@ecs-resize/core/proxy';
import { DEFAULT_CREDENTIALS, startEmulator } from '@ecs-resize/emulator';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { DemoSetupError } from './demo-setup-error.js';
import { consolePage } from './console-page.js';

/** A running demo console. */
export interface DemoConsole {
  /** The page's URL, `http://127.0.0.1:PORT/`. */
  readonly url: string;
  /** Stops the console and its emulator. */
  close(): Promise<void>;
}

/** The path where the console mounts the signing proxy. */
const PROXY_PATH = '/ecs-proxy';

/** The headers of the console's own plain-text answers. */
const TEXT = { 'Content-Type': 'text/plain; charset=utf-8' };

/**
 * The path of a request target, or undefined when the target is not a path (absolute-form such
 * as `http://[`, `*`): the console serves paths only, and never parses a target as a URL.
 */
function pathOf(target: string): string | undefined {
  if (!target.startsWith('/')) return undefined;
  const query = target.indexOf('?');
  return query === -1 ? target : target.slice(0, query);
}

/** The browser bundle (`@ecs-resize/browser/iife`), which `pnpm run build` makes. */
function browserBundle(): Buffer {
  const path = fileURLToPath(import.meta.resolve('@ecs-resize/browser/iife'));
  if (!existsSync(path))
    throw new DemoSetupError(`The browser bundle ${path} is missing: build it with pnpm --filter @ecs-resize/browser build.`);
  return readFileSync(path);
}

/**
 * Serves the demo console on 127.0.0.1:`port` (0: a free one): the page at `/`, the browser
 * bundle at `/ecs-resize.iife.js`, and the signing proxy at `/ecs-proxy`, which signs with the
 * emulator's default AK/SK and forwards to an embedded emulator.
 * @throws {DemoSetupError} When the browser bundle has not been built.
 */
export async function serveDemoConsole(port: number, jobDurationMs: number): Promise<DemoConsole> {
  const bundle = browserBundle();
  const emulator = await startEmulator({ jobDurationMs });
  const page = consolePage(emulator.projectId);
  const proxy = toNodeListener(
    createProxyHandler({
      endpoint: emulator.url,
      projectId: emulator.projectId,
      auth: DEFAULT_CREDENTIALS,
      basePath: PROXY_PATH,
    }),
  );
  const route = (request: IncomingMessage, response: ServerResponse): void => {
    const path = pathOf(request.url ?? '');
    if (path === undefined) return void response.writeHead(400, TEXT).end('Bad request\n');
    if (path.startsWith(`${PROXY_PATH}/`)) return proxy(request, response);
    if (path === '/') return void response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page);
    if (path === '/ecs-resize.iife.js')
      return void response.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' }).end(bundle);
    if (path === '/favicon.ico') return void response.writeHead(204).end();
    response.writeHead(404, TEXT).end('Not found\n');
  };
  // No request may end the console: a failure in one (a bug) is answered 500, or ends its connection.
  const server = createServer((request, response) => {
    try {
      route(request, response);
    } catch {
      if (response.headersSent) response.destroy();
      else response.writeHead(500, TEXT).end('Internal error\n');
    }
  });
  try {
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
  } catch (error) {
    await emulator.close();
    throw new DemoSetupError(`Cannot listen on 127.0.0.1:${port}: ${(error as Error).message}`, { cause: error });
  }
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await emulator.close();
    },
  };
}
