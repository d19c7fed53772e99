/**
 * The shipped IIFE holds the client, so its API errors say what to do (`hint`, and the same
 * sentence in the message), as in Node: `createEcsClient` gives its connection core's hint
 * table, a bare `createEcsConnection` none. Over real HTTP: a node:http server on 127.0.0.1
 * answers each refusal to the IIFE's client.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenOnLoopback, type LoopbackServer } from '../../core/test/loopback-server.js';

/** The IIFE as shipped (built by `pnpm run build`, which `pnpm test` runs first). */
const iife = readFileSync(new URL('../dist/ecs-resize.iife.js', import.meta.url), 'utf8');

/** What the IIFE's errors are, as far as this test reads them. */
type ApiError = Error & { hint?: string };
/** A connection or client of the IIFE, as far as this test calls it. */
type Connection = object;
/** The options both constructors take. */
type Options = { endpoint: string; projectId: string; auth: { token: string }; retry: number };

/** The `EcsResize` global of the IIFE, run as a function's body so that its `var` stays in it. */
function loadGlobal(): {
  EcsApiError: new (init: { status: number; code?: string; method: string; url: string }) => ApiError;
  createEcsClient(options: Options): Connection;
  createEcsConnection(options: Options): Connection;
  getServer(ecs: Connection, serverId: string): Promise<unknown>;
} {
  return new Function(`${iife}\nreturn EcsResize;`)() as ReturnType<typeof loadGlobal>;
}

/** What the test server answers next. */
let answer: { status: number; code: string | undefined } = { status: 404, code: undefined };
let server: LoopbackServer;

beforeAll(async () => {
  server = await listenOnLoopback((_request, response) => {
    const body = answer.code === undefined ? {} : { error_code: answer.code, error_msg: 'Refused.' };
    response.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
});
afterAll(() => server?.close());

describe('the IIFE’s API errors carry hints', () => {
  const EcsResize = loadGlobal();
  const options = (): Options => ({
    endpoint: server.url,
    projectId: '0a1b2c3d4e5f',
    auth: { token: 'a-token' },
    retry: 0,
  });

  /** The error the IIFE's `getServer` gets through `ecs` for `next`. */
  async function errorFor(ecs: Connection, next: typeof answer): Promise<ApiError> {
    answer = next;
    const error = await EcsResize.getServer(ecs, '6f1b3c2a-0d4e-4b7a-9c11-2a5e8f000001').then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(EcsResize.EcsApiError);
    return error as ApiError;
  }

  it.each([
    { status: 403, code: undefined, hint: /^Permission denied/ },
    { status: 404, code: undefined, hint: /^Is the endpoint right\?/ },
    { status: 409, code: 'Ecs.0605', hint: /unlock it/ },
    { status: 429, code: 'APIG.0308', hint: /throttling/ },
  ])('HTTP $status $code', async ({ status, code, hint }) => {
    const error = await errorFor(EcsResize.createEcsClient(options()), { status, code });
    expect(error.hint).toMatch(hint);
    expect(error.message.endsWith(`. ${error.hint}`)).toBe(true);
    // A bare connection of the same IIFE, after the client: none.
    expect((await errorFor(EcsResize.createEcsConnection(options()), { status, code })).hint).toBeUndefined();
  });

  it('an answer with no advice has no hint', async () => {
    const error = await errorFor(EcsResize.createEcsClient(options()), { status: 400, code: 'Ecs.9999' });
    expect(error.hint).toBeUndefined();
    expect(new EcsResize.EcsApiError({ status: 403, method: 'GET', url: 'https://ecs.example/' }).hint).toBeUndefined();
  });
});
