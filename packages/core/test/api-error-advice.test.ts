/**
 * What an API error says to do comes with its connection, not from a module-level switch: a
 * client from `createEcsClient` gives core's hint table (`apiErrorHint`) to its errors, a bare
 * `createEcsConnection` gives none, whatever else was imported or created before; and a page
 * bundling only the modular operations leaves the table out. Over real HTTP, a node:http server
 * on 127.0.0.1 answering each refusal.
 */
import { DEFAULT_PROJECT_ID, DEFAULT_TOKEN } from '@ecs-resize/emulator';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorHint, createEcsClient, createEcsConnection, EcsApiError, getServer, type EcsConnection } from '../src/index.js';
import { rejectionOf } from './helpers.js';
import { listenOnLoopback, type LoopbackServer } from './loopback-server.js';
import { bundlePage } from './page-bundle.js';

/** The ES modules the package ships (built by `pnpm run build`, which `pnpm test` runs first). */
const shipped = { '@ecs-resize/core': fileURLToPath(new URL('../dist/index.js', import.meta.url)) };

/** Words of the hint table alone: its endpoint advice, and a code's. */
const TABLE_WORDS = ['Is the endpoint right?', 'settle the account before resizing'];

describe('a page bundles the hint table only with the client', () => {
  it.each([
    { page: 'createEcsConnection, resize, waitForJob', bundled: false },
    { page: 'createEcsConnection, getServer', bundled: false },
    { page: 'EcsApiError', bundled: false },
    { page: 'createEcsClient', bundled: true },
  ])('a page of $page: the table bundled, $bundled', async ({ page, bundled }) => {
    const source = `export { ${page} } from '@ecs-resize/core';`;
    const { atOnce, onUse } = await bundlePage(source, shipped);
    for (const words of TABLE_WORDS) expect(atOnce.includes(words), words).toBe(bundled);
    for (const words of TABLE_WORDS) expect(onUse, words).not.toContain(words);
    // Nothing installs advice at load: the client passes the table to its connection.
    expect(atOnce).not.toMatch(/installApiErrorAdvice|\binstalled\b/);
  });
});

/** A refusal the test server answers, and the table's advice for it. */
const answers = [
  { status: 403, code: undefined, hint: /^Permission denied/ },
  { status: 409, code: 'Ecs.0605', hint: /unlock it/ },
];
let answer = answers[0]!;
let server: LoopbackServer;

beforeAll(async () => {
  server = await listenOnLoopback((_request, response) => {
    const body = answer.code === undefined ? {} : { error: { code: answer.code, message: 'Refused.' } };
    response.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
});
afterAll(() => server?.close());

const SERVER_ID = '6f1b3c2a-0d4e-4b7a-9c11-2a5e8f000001';
const options = () => ({ endpoint: server.url, projectId: DEFAULT_PROJECT_ID, auth: { token: DEFAULT_TOKEN }, retry: 0 });

/** The error `getServer` gets through `ecs`. */
async function errorThrough(ecs: EcsConnection): Promise<EcsApiError> {
  const error = await rejectionOf(getServer(ecs, SERVER_ID));
  expect(error).toBeInstanceOf(EcsApiError);
  return error as EcsApiError;
}

describe("an API error's hint is its connection's", () => {
  it.each(answers)(
    'HTTP $status $code: a bare connection none, a client the table’s, before and after each other',
    async (row) => {
      answer = row;
      const bare = createEcsConnection(options());
      const before = await errorThrough(bare);
      expect(before.hint).toBeUndefined();
      expect(before.message).toMatch(/ — GET http:\/\/127\.0\.0\.1:\d+\/v1\/[^ ]+\/cloudservers\/[^ ]+\.$/);

      const client = createEcsClient(options());
      for (const error of [await errorThrough(client), await rejectionOf(client.getServer(SERVER_ID))] as EcsApiError[]) {
        expect(error.hint).toMatch(row.hint);
        expect(error.message.endsWith(`. ${error.hint}`)).toBe(true);
      }

      // A client created earlier changes nothing for a bare connection, old or new.
      for (const ecs of [bare, createEcsConnection(options())]) expect((await errorThrough(ecs)).hint).toBeUndefined();
    },
  );

  it.each(answers)('HTTP $status $code: built by hand, the hint is the advice given', ({ status, code, hint }) => {
    const init = { status, code, method: 'GET', url: 'https://ecs.example/v1/p/cloudservers/s' };
    expect(new EcsApiError(init).hint).toBeUndefined();
    expect(new EcsApiError(init).message).toMatch(/ — GET https:\/\/ecs\.example\/v1\/p\/cloudservers\/s\.$/);
    const advised = new EcsApiError({ ...init, advice: apiErrorHint });
    expect(advised.hint).toMatch(hint);
    expect(advised.message.endsWith(`. ${advised.hint}`)).toBe(true);
  });
});
