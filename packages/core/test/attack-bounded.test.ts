/**
 * Issue 9, class 2: nothing hangs, nothing grows without bound; and two wire details. Each
 * table drives the client (or the proxy) over real HTTP on 127.0.0.1 against a small scripted
 * `node:http` server or the emulator. Nothing asserts on time: a parser that backtracks, a read
 * that is not cancelled or a listing that does not end shows as a test that never finishes.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { DEFAULT_CREDENTIALS, DEFAULT_PROJECT_ID, defaultData, startEmulator, type Emulator } from '@ecs-resize/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createEcsClient,
  EcsApiError,
  EcsInputError,
  EcsResponseError,
  EcsTimeoutError,
  JobFailedError,
  type EcsClient,
  type EcsClientOptions,
} from '../src/index.js';
import { parseErrorText } from '../src/http/error-body.js';
import { createProxyHandler, toNodeListener, type ProxyHandler } from '../src/proxy/index.js';
import { rejectionOf } from './helpers.js';

const PROJECT = 'bounded-project-0001';
const SERVER = '6f1b3c2a-0d4e-4b7a-9c11-2a5e8f0000b1';
const TOKEN = 'bounded-suite-token';
const KiB = 1024;
const MiB = 1024 * KiB;

/** What the scripted server does with one request. */
type Script = (request: IncomingMessage, response: ServerResponse) => void;

/** A `node:http` server on 127.0.0.1 whose answers each test scripts; it logs every request target. */
function useScriptedServer() {
  let server: Server | undefined;
  let url = '';
  let script: Script = (_request, response) => void response.writeHead(404).end();
  const targets: string[] = [];
  beforeAll(async () => {
    server = createServer((request, response) => {
      targets.push(`${request.method ?? ''} ${request.url ?? ''}`);
      script(request, response);
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise<void>((resolve) => server?.close(() => resolve()));
  });
  return {
    get url() {
      return url;
    },
    /** The request targets since the last `answer`. */
    targets,
    /** Sets what the server answers from now on. */
    answer(next: Script) {
      script = next;
      targets.length = 0;
    },
  };
}

/** How a streamed answer ended: the bytes handed to the socket, and whether they were all sent. */
interface Streamed {
  written: number;
  finished: boolean;
}

/**
 * Writes `head`, then `chunk` again and again up to `total` bytes, only as fast as the client
 * reads (so nothing is buffered ahead), then `tail`. Resolves when the response finishes or its
 * connection closes: a client that stops reading and cancels leaves it unfinished.
 */
function streamBody(response: ServerResponse, head: string, chunk: Buffer, total: number, tail = ''): Promise<Streamed> {
  return new Promise((resolve) => {
    let written = 0;
    response.on('close', () => resolve({ written, finished: response.writableFinished }));
    response.write(head);
    const pump = () => {
      while (written < total) {
        const part = chunk.subarray(0, Math.min(chunk.byteLength, total - written));
        written += part.byteLength;
        if (!response.write(part)) {
          response.once('drain', pump);
          return;
        }
      }
      response.end(tail);
    };
    pump();
  });
}

/** Answers with JSON: a value, or its text or bytes as they are. */
const sendJson =
  (status: number, body: unknown, headers: Record<string, string> = {}): Script =>
  (request, response) => {
    request.resume();
    response
      .writeHead(status, { 'Content-Type': 'application/json;charset=UTF-8', ...headers })
      .end(typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body));
  };

/** A valid server body of exactly `bytes` bytes (ASCII). */
function serverBodyOf(bytes: number): string {
  const head = `{"server":{"id":"${SERVER}","status":"SHUTOFF","flavor":{"id":"s3.large.2"},"name":"`;
  const tail = '"}}';
  return `${head}${'n'.repeat(bytes - head.length - tail.length)}${tail}`;
}

/** A client of `url` with the suite's token, no retries, and `overrides`. */
const clientOf = (url: string, overrides: Partial<EcsClientOptions> = {}): EcsClient =>
  createEcsClient({ endpoint: url, projectId: PROJECT, auth: { token: TOKEN }, retry: 0, timeout: 15_000, ...overrides });

/** A well-formed server object with `id`. */
const serverObject = (id: string, name = id) => ({ id, name, status: 'SHUTOFF', flavor: { id: 's3.large.2' } });

/** A well-formed resize_flavors entry with `id`. */
const flavorObject = (id: string) => ({ id, name: id, vcpus: '2', ram: 4096 });

/** A 64 KiB chunk of `<title`, repeated. */
const TITLE_CHUNK = Buffer.from('<title'.repeat(Math.ceil((64 * KiB) / 6)).slice(0, 64 * KiB));
/** 64 KiB of spaces. */
const PADDING_CHUNK = Buffer.alloc(64 * KiB, 0x20);

describe('error bodies: parsed in linear time, the first 64 KiB only', () => {
  const upstream = useScriptedServer();

  /** One hostile error page: a head, a chunk repeated to `total`, a tail; and what `apiMessage` must be. */
  const PAGES: { name: string; head: string; chunk: Buffer; total: number; tail?: string; message: string | undefined }[] = [
    { name: '360 KB of repeated `<title` (the 18 s page)', head: '', chunk: TITLE_CHUNK, total: 360 * KiB, message: undefined },
    { name: '64 MB of repeated `<title`', head: '', chunk: TITLE_CHUNK, total: 64 * MiB, message: undefined },
    {
      name: '`<title` repeated, then one `>` at the very end',
      head: '',
      chunk: TITLE_CHUNK,
      total: 60 * KiB,
      tail: '>x',
      message: undefined,
    },
    {
      name: 'a title first, then 64 MB of padding',
      head: '<html><head><title>Bad Gateway</title></head><body>',
      chunk: PADDING_CHUNK,
      total: 64 * MiB,
      message: 'Bad Gateway',
    },
    {
      name: 'a title after 64 KiB of padding (not looked at)',
      head: '<html>',
      chunk: PADDING_CHUNK,
      total: 64 * KiB,
      tail: '<title>Too late</title>',
      message: undefined,
    },
    {
      name: 'a title after 64 MB of repeated `<title`',
      head: '',
      chunk: TITLE_CHUNK,
      total: 64 * MiB,
      tail: '<title>Too late</title>',
      message: undefined,
    },
    {
      name: 'an upper-case title with attributes',
      head: '<HTML><TITLE lang="en">Gateway Timeout</TITLE>',
      chunk: PADDING_CHUNK,
      total: 0,
      message: 'Gateway Timeout',
    },
    {
      name: 'an empty title, then a real one',
      head: '<title></title><title> Second </title>',
      chunk: PADDING_CHUNK,
      total: 0,
      message: 'Second',
    },
    {
      name: 'a title of 201 characters (not a title)',
      head: `<title>${'t'.repeat(201)}</title>`,
      chunk: PADDING_CHUNK,
      total: 0,
      message: undefined,
    },
    {
      name: 'a title of 200 characters',
      head: `<title>${'t'.repeat(200)}</title>`,
      chunk: PADDING_CHUNK,
      total: 0,
      message: 't'.repeat(200),
    },
    {
      name: 'unclosed `<title>` tags, then a real one',
      head: `${'<title>x'.repeat(5000)}<title>Found</title>`,
      chunk: PADDING_CHUNK,
      total: 0,
      message: 'Found',
    },
    {
      name: 'a JSON error of 10 MB (cut at 64 KiB: no longer JSON)',
      head: '{"error":{"code":"Ecs.0001","message":"',
      chunk: Buffer.alloc(64 * KiB, 0x61),
      total: 10 * MiB,
      tail: '"}}',
      message: undefined,
    },
  ];

  it.each(PAGES)('$name → EcsApiError, apiMessage $message', async ({ head, chunk, total, tail, message }) => {
    let streamed: Promise<Streamed> | undefined;
    upstream.answer((request, response) => {
      request.resume();
      response.writeHead(502, { 'Content-Type': 'text/html' });
      streamed = streamBody(response, head, chunk, total, tail);
    });
    const error = await rejectionOf(clientOf(upstream.url).getServer(SERVER));
    expect(error).toBeInstanceOf(EcsApiError);
    expect((error as EcsApiError).status).toBe(502);
    expect((error as EcsApiError).apiMessage).toBe(message);
    const { written, finished } = (await streamed) as Streamed;
    // A body longer than what the socket buffers hold was cut off: the client read no further.
    if (total >= 64 * MiB) expect({ finished, sentAll: written >= total }).toEqual({ finished: false, sentAll: false });
  });
});

describe('the error-page parser: one pass over text of any length', () => {
  // The client hands it 64 KiB at most; here it gets megabytes, so that a parser that
  // backtracks (`<title[^>]*>` is quadratic over repeated `<title`) never finishes.
  const TWO_MB = 2 * MiB;
  const TEXTS: { name: string; text: () => string; message: string | undefined }[] = [
    { name: '2 MB of repeated `<title`', text: () => '<title'.repeat(TWO_MB / 6), message: undefined },
    { name: '2 MB of repeated `<title`, then `>x`', text: () => `${'<title'.repeat(TWO_MB / 6)}>x`, message: undefined },
    {
      name: '2 MB of `<title>x`, then a real title',
      text: () => `${'<title>x'.repeat(TWO_MB / 8)}<title>Found</title>`,
      message: 'Found',
    },
    { name: 'a title of 2 MB (too long)', text: () => `<title>${'a'.repeat(TWO_MB)}</title>`, message: undefined },
    { name: '2 MB of `<title >` tags without text', text: () => '<title >'.repeat(TWO_MB / 8), message: undefined },
    { name: '2 MB of `{` (not JSON, no title)', text: () => '{'.repeat(TWO_MB), message: undefined },
  ];

  it.each(TEXTS)('$name → message $message', ({ text, message }) => {
    expect(parseErrorText(text())).toEqual(message === undefined ? {} : { message });
  });
});

describe('error codes: every shape, numbers too', () => {
  const upstream = useScriptedServer();

  const BODIES: { name: string; body: unknown; code: string | undefined; message: string | undefined }[] = [
    { name: 'a numeric error_code', body: { error_code: 123, error_msg: 'numeric' }, code: '123', message: 'numeric' },
    { name: 'error_code 0', body: { error_code: 0, error_msg: 'zero' }, code: '0', message: 'zero' },
    {
      name: 'a numeric error_code with error_message',
      body: { error_code: 7, error_message: 'seven' },
      code: '7',
      message: 'seven',
    },
    {
      name: 'a string error_code',
      body: { error_code: 'APIG.0308', error_msg: 'throttled' },
      code: 'APIG.0308',
      message: 'throttled',
    },
    {
      name: 'an infinite error_code (1e999)',
      body: '{"error_code": 1e999, "error_msg": "inf"}',
      code: undefined,
      message: undefined,
    },
    { name: 'a boolean error_code', body: { error_code: true, error_msg: 'bool' }, code: undefined, message: undefined },
    {
      name: 'a nested numeric code (classic Nova)',
      body: { badRequest: { code: 400, message: 'bad' } },
      code: '400',
      message: 'bad',
    },
  ];

  it.each(BODIES)('$name → code $code', async ({ body, code, message }) => {
    upstream.answer(sendJson(400, body));
    const error = await rejectionOf(clientOf(upstream.url).getServer(SERVER));
    expect(error).toBeInstanceOf(EcsApiError);
    expect({ code: (error as EcsApiError).code, message: (error as EcsApiError).apiMessage }).toEqual({ code, message });
  });

  it('a job whose fail_reason ends 200,000 dots short of the end is reported at once, trailing dots trimmed', async () => {
    const failReason = `${'.'.repeat(200_000)}disk busy...`;
    upstream.answer(sendJson(200, { status: 'FAIL', job_id: 'job-1', error_code: 'Ecs.0207', fail_reason: failReason }));
    const error = await rejectionOf(clientOf(upstream.url).waitForJob('job-1', { interval: 10, timeout: 10_000 }));
    expect(error).toBeInstanceOf(JobFailedError);
    expect((error as JobFailedError).failReason).toBe(failReason);
    expect((error as JobFailedError).message).toContain('disk busy. The server was not resized');
  });

  it('an endpoint ending in 200,000 slashes becomes a base URL at once', () => {
    const client = createEcsClient({ endpoint: `https://ecs.example.com/${'/'.repeat(200_000)}`, projectId: PROJECT });
    expect(client.getServer).toBeTypeOf('function');
  });
});

describe('response bodies: read under a size cap, cancelled on timeout', () => {
  const upstream = useScriptedServer();
  const JSON_CHUNK = Buffer.alloc(64 * KiB, 0x61);

  const CAPS: { name: string; cap: number; body: string; ok: boolean }[] = [
    { name: 'a body of exactly maxResponseBytes', cap: 4 * KiB, body: serverBodyOf(4 * KiB), ok: true },
    { name: 'a body one byte over maxResponseBytes', cap: 4 * KiB, body: serverBodyOf(4 * KiB + 1), ok: false },
    { name: 'a body of 1 MB under the default cap', cap: 8 * MiB, body: serverBodyOf(MiB), ok: true },
    { name: 'a multi-byte character across the cap', cap: 1 * KiB, body: `${serverBodyOf(1 * KiB - 1)}é`, ok: false },
  ];

  it.each(CAPS)('$name → ok: $ok', async ({ cap, body, ok }) => {
    upstream.answer(sendJson(200, body));
    const outcome = await clientOf(upstream.url, { maxResponseBytes: cap })
      .getServer(SERVER)
      .then(
        (server) => server.id,
        (error: unknown) => error,
      );
    if (ok) expect(outcome).toBe(SERVER);
    else {
      expect(outcome).toBeInstanceOf(EcsResponseError);
      expect((outcome as EcsResponseError).issues).toEqual([
        `the body is larger than ${cap} bytes (the client's maxResponseBytes)`,
      ]);
    }
  });

  it('a 400 MB body is cancelled at the cap, never read whole', async () => {
    let streamed: Promise<Streamed> | undefined;
    upstream.answer((request, response) => {
      request.resume();
      response.writeHead(200, { 'Content-Type': 'application/json' });
      streamed = streamBody(response, `{"server":{"id":"${SERVER}","name":"`, JSON_CHUNK, 400 * MiB, '"}}');
    });
    const error = await rejectionOf(clientOf(upstream.url).getServer(SERVER));
    expect(error).toBeInstanceOf(EcsResponseError);
    expect((error as EcsResponseError).issues[0]).toContain('larger than 8388608 bytes');
    const { written, finished } = (await streamed) as Streamed;
    expect({ finished, sentAll: written >= 400 * MiB }).toEqual({ finished: false, sentAll: false });
  });

  it('a gzip body of 40 KB that inflates to 40 MB is counted after decompression', async () => {
    const inflated = serverBodyOf(40 * MiB);
    const gzipped = gzipSync(inflated);
    expect(gzipped.byteLength).toBeLessThan(100 * KiB);
    upstream.answer(sendJson(200, gzipped, { 'Content-Encoding': 'gzip' }));
    const error = await rejectionOf(clientOf(upstream.url, { maxResponseBytes: MiB }).getServer(SERVER));
    expect(error).toBeInstanceOf(EcsResponseError);
    expect((error as EcsResponseError).issues[0]).toContain('larger than 1048576 bytes');
  });

  it('a resize answered 2xx with a body over the cap: sent once, and it may have taken effect', async () => {
    upstream.answer(sendJson(200, { job_id: 'job-1', padding: 'p'.repeat(8 * KiB) }));
    const error = await rejectionOf(
      clientOf(upstream.url, { maxResponseBytes: 4 * KiB, retry: 3 }).resize(SERVER, 's3.xlarge.2'),
    );
    expect(error).toBeInstanceOf(EcsResponseError);
    expect((error as EcsResponseError).mayHaveTakenEffect).toBe(true);
    expect(upstream.targets.filter((target) => target.startsWith('POST'))).toHaveLength(1);
  });

  /** A body that stops after its first bytes: how the call must end, with what status. */
  const STALLS: { name: string; status: number; run: (client: EcsClient, signal?: AbortSignal) => Promise<unknown> }[] = [
    { name: 'a 200 body (GET)', status: 200, run: (client, signal) => client.getServer(SERVER, { signal }) },
    { name: 'a 500 error body (GET)', status: 500, run: (client, signal) => client.getServer(SERVER, { signal }) },
    { name: 'a 202 resize body (POST)', status: 202, run: (client, signal) => client.resize(SERVER, 's3.xlarge.2', { signal }) },
  ];

  describe.each(STALLS)('$name that stalls after its first bytes', ({ status, run }) => {
    /** Answers the first bytes and never more; resolves when the connection closes. */
    const stall = () =>
      new Promise<void>((closed) => {
        upstream.answer((request, response) => {
          request.resume();
          response.on('close', () => closed());
          response.writeHead(status, { 'Content-Type': 'application/json' });
          response.write('{"server": {"id": "srv-1", ');
        });
      });

    it('times out with a typed error and releases the connection', async () => {
      const closed = stall();
      const error = await rejectionOf(run(clientOf(upstream.url, { timeout: 100 })));
      // A 500's body is read for its error only; when it stalls, the status is what is left.
      if (status === 500) expect(error).toBeInstanceOf(EcsApiError);
      else expect(error).toBeInstanceOf(EcsTimeoutError);
      await closed;
    });

    it('ends with the caller’s abort reason when the caller aborts, and releases the connection', async () => {
      const closed = stall();
      const controller = new AbortController();
      const reason = new Error('the caller gave up');
      let headersArrived: () => void = () => undefined;
      const arrived = new Promise<void>((resolve) => (headersArrived = resolve));
      // Told by a fetch wrapper, not an afterResponse hook: ky hands such a hook a clone of the
      // response, and a clone's body aborted mid-way leaves a rejection nobody handles (ky 1.14).
      const client = clientOf(upstream.url, {
        timeout: false,
        fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
          const response = await fetch(input, init);
          headersArrived();
          return response;
        },
      });
      const pending = rejectionOf(run(client, controller.signal));
      await arrived;
      controller.abort(reason);
      expect(await pending).toBe(reason);
      await closed;
    });
  });

  const BAD_OPTIONS: {
    name: string;
    options: Partial<Record<'maxResponseBytes' | 'maxPages' | 'maxItems', unknown>>;
    path: string;
  }[] = [
    { name: 'maxResponseBytes 0', options: { maxResponseBytes: 0 }, path: 'maxResponseBytes' },
    { name: 'maxResponseBytes 1023', options: { maxResponseBytes: 1023 }, path: 'maxResponseBytes' },
    { name: 'maxResponseBytes over 1 GiB', options: { maxResponseBytes: 1024 * MiB + 1 }, path: 'maxResponseBytes' },
    { name: 'maxResponseBytes as text', options: { maxResponseBytes: '8MB' }, path: 'maxResponseBytes' },
    { name: 'maxPages 0', options: { maxPages: 0 }, path: 'maxPages' },
    { name: 'maxPages 1.5', options: { maxPages: 1.5 }, path: 'maxPages' },
    { name: 'maxPages Infinity', options: { maxPages: Number.POSITIVE_INFINITY }, path: 'maxPages' },
    { name: 'maxItems -1', options: { maxItems: -1 }, path: 'maxItems' },
    { name: 'maxItems NaN', options: { maxItems: Number.NaN }, path: 'maxItems' },
  ];

  it.each(BAD_OPTIONS)('refuses $name with EcsInputError naming the option', ({ options, path }) => {
    let error: unknown;
    try {
      createEcsClient({ endpoint: 'https://ecs.example.com', projectId: PROJECT, ...(options as object) });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EcsInputError);
    expect((error as EcsInputError).issues.map((issue) => issue.path)).toContain(path);
  });
});

describe('listings always end, and say why when the server does not let them', () => {
  const upstream = useScriptedServer();

  /** The query of a request target. */
  const queryOf = (request: IncomingMessage) => new URL(request.url ?? '/', 'http://x').searchParams;

  /** Servers named by page: page N holds `ids(N)`. */
  const serverPages =
    (pageOf: (page: number, limit: number) => { ids: string[]; count?: number }): Script =>
    (request, response) => {
      const query = queryOf(request);
      const { ids, count } = pageOf(Number(query.get('offset')), Number(query.get('limit')));
      sendJson(200, { ...(count === undefined ? {} : { count }), servers: ids.map((id) => serverObject(id)) })(request, response);
    };

  /** `n` ids for page `page`. */
  const idsOf = (page: number, n: number) => Array.from({ length: n }, (_, index) => `p${page}-s${index}`);

  const SERVER_CASES: {
    name: string;
    script: Script;
    options?: Partial<EcsClientOptions>;
    pageSize?: number;
    requests: number;
    result: number | RegExp;
  }[] = [
    {
      name: 'new ids on every full page with count 1e9',
      script: serverPages((page, limit) => ({ ids: idsOf(page, limit), count: 1e9 })),
      requests: 1,
      result: /the server counts 1000000000 items, more than 100000 \(maxItems\)/,
    },
    {
      name: 'new ids on every full page, no count (default bounds)',
      script: serverPages((page, limit) => ({ ids: idsOf(page, limit) })),
      pageSize: 1000,
      requests: 101,
      result: /more than 100000 items \(maxItems\)/,
    },
    {
      name: 'new ids on every full page, no count, maxPages 25',
      script: serverPages((page, limit) => ({ ids: idsOf(page, limit) })),
      options: { maxPages: 25 },
      pageSize: 2,
      requests: 25,
      result: /did not end within 25 pages \(maxPages\)/,
    },
    {
      name: 'count 50 within maxItems, but new ids for ever (maxPages 10)',
      script: serverPages((page) => ({ ids: idsOf(page, 2), count: 50 })),
      options: { maxPages: 10 },
      pageSize: 2,
      requests: 10,
      result: /did not end within 10 pages/,
    },
    {
      name: 'the same page for every offset',
      script: serverPages((_page, limit) => ({ ids: idsOf(1, limit), count: 10_000 })),
      pageSize: 5,
      requests: 2,
      result: /paging did not advance: page 2 starts with the item an earlier page started with/,
    },
    {
      name: 'a page of items all listed before, in another order',
      script: serverPages((page) => ({ ids: page === 1 ? ['a', 'b'] : ['b', 'a'], count: 10 })),
      pageSize: 2,
      requests: 2,
      result: /paging did not advance: page 2 brings no item that an earlier page did not list/,
    },
    {
      name: 'count that lies low (3, with a full page of 5)',
      script: serverPages((page) => ({ ids: idsOf(page, 5), count: 3 })),
      pageSize: 5,
      requests: 1,
      result: 5,
    },
    {
      name: 'count that lies high (10), then an empty page',
      script: serverPages((page) => ({ ids: page === 1 ? idsOf(1, 4) : [], count: 10 })),
      pageSize: 4,
      requests: 2,
      result: 4,
    },
    {
      name: 'pages capped below limit with count: every page is read',
      script: serverPages((page) => ({ ids: page <= 3 ? idsOf(page, 2) : [], count: 6 })),
      pageSize: 5,
      requests: 3,
      result: 6,
    },
    {
      name: 'a page overlapping the one before (a listing that shifted)',
      script: serverPages((page) => ({ ids: page === 1 ? ['a', 'b', 'c'] : page === 2 ? ['c', 'd', 'e'] : [], count: 6 })),
      pageSize: 3,
      requests: 3,
      result: 5,
    },
    {
      name: 'no count and a short page: the last one',
      script: serverPages((page) => ({ ids: page === 1 ? idsOf(1, 3) : idsOf(page, 1) })),
      pageSize: 3,
      requests: 2,
      result: 4,
    },
    {
      name: 'count above maxItems 10',
      script: serverPages((page, limit) => ({ ids: idsOf(page, limit), count: 11 })),
      options: { maxItems: 10 },
      pageSize: 5,
      requests: 1,
      result: /the server counts 11 items, more than 10 \(maxItems\)/,
    },
  ];

  it.each(SERVER_CASES)(
    'listServers: $name → $result after $requests requests',
    async ({ script, options, pageSize, requests, result }) => {
      upstream.answer(script);
      const outcome = await clientOf(upstream.url, options)
        .listServers(pageSize === undefined ? {} : { pageSize })
        .then(
          (servers) => servers,
          (error: unknown) => error,
        );
      expect(upstream.targets).toHaveLength(requests);
      if (typeof result === 'number') {
        expect((outcome as { id: string }[]).map((server) => server.id)).toHaveLength(result);
        expect(new Set((outcome as { id: string }[]).map((server) => server.id)).size).toBe(result);
      } else {
        expect(outcome).toBeInstanceOf(EcsResponseError);
        expect((outcome as EcsResponseError).message).toMatch(result);
      }
    },
  );

  /** Flavors by marker: the page after `marker` (undefined: the first). */
  const flavorPages =
    (pageAfter: (marker: string | undefined, limit: number) => string[]): Script =>
    (request, response) => {
      const query = queryOf(request);
      const ids = pageAfter(query.get('marker') ?? undefined, Number(query.get('limit')));
      sendJson(200, { flavors: ids.map(flavorObject) })(request, response);
    };

  /** Five flavors served at most `cap` a page whatever the `limit` (a gateway that caps pages). */
  const FIVE = ['f1', 'f2', 'f3', 'f4', 'f5'];
  const capped = (cap: number) =>
    flavorPages((marker, limit) => {
      const start = marker === undefined ? 0 : FIVE.indexOf(marker) + 1;
      return FIVE.slice(start, start + Math.min(cap, limit));
    });

  const FLAVOR_CASES: {
    name: string;
    script: Script;
    options?: Partial<EcsClientOptions>;
    requests: number;
    result: string[] | RegExp;
  }[] = [
    { name: 'pages capped at 2 while 1000 are asked for', script: capped(2), requests: 4, result: FIVE },
    { name: 'pages capped at 1', script: capped(1), requests: 6, result: FIVE },
    { name: 'one page with all, then the empty page', script: capped(1000), requests: 2, result: FIVE },
    { name: 'an empty first page', script: flavorPages(() => []), requests: 1, result: [] },
    {
      name: 'new ids after every marker, for ever (default maxPages)',
      script: flavorPages((marker) => [`${marker ?? 'f'}x`]),
      requests: 1000,
      result: /did not end within 1000 pages \(maxPages\)/,
    },
    {
      name: 'the marker ignored: the same page again',
      script: flavorPages(() => ['f1', 'f2']),
      requests: 2,
      result: /page 2 starts with the item an earlier page started with/,
    },
    {
      name: 'a page of flavors all listed before, in another order',
      script: flavorPages((marker) => (marker === undefined ? ['f1', 'f2'] : ['f2', 'f1'])),
      requests: 2,
      result: /page 2 brings no item that an earlier page did not list/,
    },
    {
      name: 'five flavors with maxItems 3',
      script: capped(2),
      options: { maxItems: 3 },
      requests: 2,
      result: /more than 3 items \(maxItems\)/,
    },
  ];

  describe.each([
    { method: 'listResizeFlavors', run: (client: EcsClient) => client.listResizeFlavors(SERVER) },
    { method: 'listResizeFlavorsForFlavor', run: (client: EcsClient) => client.listResizeFlavorsForFlavor('s3.large.2') },
  ])('$method', ({ run }) => {
    it.each(FLAVOR_CASES)('$name → $result after $requests requests', async ({ script, options, requests, result }) => {
      upstream.answer(script);
      const outcome = await run(clientOf(upstream.url, options)).then(
        (flavors) => flavors.map((flavor) => flavor.id),
        (error: unknown) => error,
      );
      expect(upstream.targets).toHaveLength(requests);
      if (Array.isArray(result)) expect(outcome).toEqual(result);
      else {
        expect(outcome).toBeInstanceOf(EcsResponseError);
        expect((outcome as EcsResponseError).message).toMatch(result);
      }
    });
  });
});

describe('query strings: a space goes out as %20, signed and verified as such', () => {
  const NAMES = ['web server 1', 'a+b c', 'x&y=z?#%', 'Ünïcode ✓ name'];
  let emulator: Emulator;
  let handler: ProxyHandler;
  /** Every URL that left a client or the proxy. */
  const sent: string[] = [];
  const recording: typeof fetch = async (input, init) => {
    sent.push(input instanceof Request ? input.url : String(input));
    return fetch(input, init);
  };

  beforeAll(async () => {
    const data = defaultData();
    NAMES.forEach((name, index) => {
      const server = data.servers[index];
      if (server) server.name = name;
    });
    emulator = await startEmulator({ data });
    handler = createProxyHandler({
      endpoint: emulator.url,
      projectId: DEFAULT_PROJECT_ID,
      auth: { accessKey: DEFAULT_CREDENTIALS.accessKey, secretKey: DEFAULT_CREDENTIALS.secretKey },
      fetch: recording,
    });
  });
  afterAll(async () => {
    await emulator.close();
  });

  const clients = [
    {
      via: 'the client with AK/SK',
      make: () =>
        createEcsClient({
          endpoint: emulator.url,
          projectId: DEFAULT_PROJECT_ID,
          auth: { accessKey: DEFAULT_CREDENTIALS.accessKey, secretKey: DEFAULT_CREDENTIALS.secretKey },
          fetch: recording,
        }),
    },
    {
      via: 'the proxy (the browser client sends no credentials)',
      make: () =>
        createEcsClient({
          endpoint: 'http://console.example/',
          projectId: DEFAULT_PROJECT_ID,
          fetch: async (input, init) => handler(new Request(input, init)),
        }),
    },
  ];

  describe.each(clients)('$via', ({ make }) => {
    it.each(NAMES)('listServers({ name: %j }) finds the server, and no URL sent has a +', async (name) => {
      sent.length = 0;
      const servers = await make().listServers({ name });
      expect(servers.map((server) => server.name)).toEqual([name]);
      expect(sent.length).toBeGreaterThan(0);
      for (const url of sent) {
        expect(url).not.toContain('+');
        expect(new URL(url).searchParams.get('name')).toBe(name);
      }
      if (name.includes(' ')) expect(sent.every((url) => url.includes('%20'))).toBe(true);
    });
  });
});

describe('the proxy bounds what it buffers and answers every request', () => {
  const upstream = useScriptedServer();
  const RESIZE_PATH = `/v1/${PROJECT}/cloudservers/${SERVER}/resize`;
  const handlerOf = (options: { maxResponseBytes?: number } = {}) =>
    createProxyHandler({ endpoint: upstream.url, projectId: PROJECT, auth: { token: TOKEN }, ...options });

  /** The proxy's answer to a GET of a server, as status and error code. */
  async function getThroughProxy(handler: ProxyHandler): Promise<{ status: number; code: unknown }> {
    const response = await handler(new Request(`http://console.example/v1/${PROJECT}/cloudservers/${SERVER}`));
    const text = await response.text();
    const code = response.headers.get('content-type')?.includes('json')
      ? (JSON.parse(text) as { error_code?: unknown }).error_code
      : undefined;
    return { status: response.status, code };
  }

  it('an upstream body of 400 MB is answered 502 PROXY.0513, cut off at the cap', async () => {
    let streamed: Promise<Streamed> | undefined;
    upstream.answer((request, response) => {
      request.resume();
      response.writeHead(200, { 'Content-Type': 'application/json' });
      streamed = streamBody(response, '{"server":{"id":"', Buffer.alloc(64 * KiB, 0x61), 400 * MiB, '"}}');
    });
    expect(await getThroughProxy(handlerOf())).toEqual({ status: 502, code: 'PROXY.0513' });
    const { written, finished } = (await streamed) as Streamed;
    expect({ finished, sentAll: written >= 400 * MiB }).toEqual({ finished: false, sentAll: false });
  });

  it.each([
    { name: 'exactly maxResponseBytes', bytes: 4 * KiB, status: 200, code: undefined },
    { name: 'one byte over maxResponseBytes', bytes: 4 * KiB + 1, status: 502, code: 'PROXY.0513' },
  ])('an upstream body of $name → $status', async ({ bytes, status, code }) => {
    upstream.answer(sendJson(200, serverBodyOf(bytes)));
    expect(await getThroughProxy(handlerOf({ maxResponseBytes: 4 * KiB }))).toEqual({ status, code });
  });

  it('an upstream gzip body that inflates past the cap → 502 PROXY.0513', async () => {
    upstream.answer(sendJson(200, gzipSync(serverBodyOf(20 * MiB)), { 'Content-Encoding': 'gzip' }));
    expect(await getThroughProxy(handlerOf({ maxResponseBytes: MiB }))).toEqual({ status: 502, code: 'PROXY.0513' });
  });

  /** A POST body nested `depth` levels inside the resize object. */
  const nested = (depth: number) =>
    `{"resize":{"flavorRef":"s3.xlarge.2","x":${'{"a":'.repeat(depth - 2)}1${'}'.repeat(depth - 2)}}}`;

  it.each([
    { name: 'nested 10,000 levels', body: nested(10_000), status: 400, code: 'PROXY.0422', forwarded: 0 },
    { name: 'nested 33 levels', body: nested(33), status: 400, code: 'PROXY.0422', forwarded: 0 },
    { name: 'nested 32 levels (forwarded)', body: nested(32), status: 202, code: undefined, forwarded: 1 },
    {
      name: 'with brackets inside strings',
      body: `{"resize":{"flavorRef":"${'{['.repeat(100)}"}}`,
      status: 202,
      code: undefined,
      forwarded: 1,
    },
  ])('a POST body $name → $status', async ({ body, status, code, forwarded }) => {
    upstream.answer(sendJson(202, { job_id: 'job-1' }));
    const response = await handlerOf()(
      new Request(`http://console.example${RESIZE_PATH}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body,
      }),
    );
    const parsed = (await response.json()) as { error_code?: string };
    expect({ status: response.status, code: parsed.error_code }).toEqual({ status, code });
    expect(upstream.targets).toHaveLength(forwarded);
  });

  it.each([
    { name: 'a Request whose URL is not a URL', request: () => ({ url: 'not a url', method: 'GET', headers: new Headers() }) },
    { name: 'null instead of a Request', request: () => null },
    {
      name: 'a Request whose body throws',
      request: () =>
        new Request(`http://console.example${RESIZE_PATH}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: new ReadableStream({
            pull: () => {
              throw new Error('the body broke');
            },
          }),
          duplex: 'half',
        } as RequestInit),
    },
  ])('$name → 500 PROXY.0500, the promise resolves', async ({ request }) => {
    const response = await handlerOf()(request() as unknown as Request);
    expect(response.status).toBe(500);
    expect(((await response.json()) as { error_code: string }).error_code).toBe('PROXY.0500');
  });

  it('a chunked POST of 600 MB through toNodeListener is refused 413 at the limit, never sent whole', async () => {
    upstream.answer(sendJson(202, { job_id: 'job-1' }));
    const proxy = createServer(toNodeListener(handlerOf()));
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      const total = 600 * MiB;
      const chunk = Buffer.alloc(64 * KiB, 0x20);
      const outcome = await new Promise<{ status: number | undefined; written: number }>((resolve) => {
        let written = 0;
        let answered = false;
        const request = httpRequest({
          host: '127.0.0.1',
          port: (proxy.address() as AddressInfo).port,
          method: 'POST',
          path: RESIZE_PATH,
          headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
        });
        const pump = () => {
          while (!answered && written < total) {
            written += chunk.byteLength;
            if (!request.write(chunk)) {
              request.once('drain', pump);
              return;
            }
          }
          request.end();
        };
        request.on('response', (response) => {
          answered = true;
          response.resume();
          resolve({ status: response.statusCode, written });
          request.destroy();
        });
        request.on('error', () => resolve({ status: undefined, written }));
        pump();
      });
      expect(outcome.status).toBe(413);
      expect(outcome.written).toBeLessThan(total);
      expect(upstream.targets).toHaveLength(0);
    } finally {
      proxy.closeAllConnections();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    }
  });
});
