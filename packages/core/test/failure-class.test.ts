import { DEFAULT_PROJECT_ID, DEFAULT_TOKEN, SERVERS } from '@ecs-resize/emulator';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EcsApiError, EcsError, EcsNetworkError, apiErrorHint, createEcsClient, isTransientError } from '../src/index.js';
import { classifyApiFailure, classifyFailure, mayRetry } from '../src/errors/failure-class.js';
import { rejectionOf } from './helpers.js';

/**
 * The decisions of ecs-api.md §1.5, §5 and §8, one row per answer: is it transient, may it have
 * taken effect, does the transport send a read (GET) or the resize (POST) again.
 */
const ANSWERS = [
  { status: 400, code: 'Ecs.0100', transient: false, effect: false, get: false, post: false },
  { status: 400, code: undefined, transient: false, effect: false, get: false, post: false },
  { status: 401, code: 'Common.0013', transient: false, effect: false, get: false, post: false },
  { status: 403, code: 'Ecs.0003', transient: false, effect: false, get: false, post: false },
  { status: 404, code: 'Ecs.0114', transient: false, effect: false, get: false, post: false },
  { status: 408, code: undefined, transient: false, effect: false, get: false, post: false },
  { status: 429, code: undefined, transient: true, effect: false, get: true, post: true },
  { status: 429, code: 'APIG.0308', transient: true, effect: false, get: true, post: true },
  { status: 429, code: 'APIGW.0308', transient: true, effect: false, get: true, post: true },
  { status: 429, code: 'Common.1503', transient: true, effect: false, get: true, post: true },
  // Throttling codes decide whatever the status: Common.0024 is documented with 202.
  { status: 202, code: 'Common.0024', transient: true, effect: false, get: true, post: true },
  { status: 400, code: 'APIG.0308', transient: true, effect: false, get: true, post: true },
  { status: 500, code: undefined, transient: true, effect: true, get: true, post: false },
  { status: 500, code: 'Common.0001', transient: true, effect: true, get: true, post: false },
  // 501 is Not Implemented, for good; but Ecs.0603 "commands are being executed, try again later" is a busy refusal.
  { status: 501, code: undefined, transient: false, effect: true, get: false, post: false },
  { status: 501, code: 'Ecs.0603', transient: true, effect: false, get: true, post: true },
  { status: 502, code: undefined, transient: true, effect: true, get: true, post: false },
  { status: 503, code: undefined, transient: true, effect: true, get: true, post: false },
  { status: 504, code: undefined, transient: true, effect: true, get: true, post: false },
  { status: 505, code: undefined, transient: false, effect: true, get: false, post: false },
  { status: 507, code: undefined, transient: false, effect: true, get: false, post: false },
] as const;

describe('the failure table (ecs-api.md §1.5, §5, §8)', () => {
  it.each(ANSWERS)(
    'HTTP $status $code → transient $transient, may have taken effect $effect, retried GET $get POST $post',
    (row) => {
      const failure = classifyApiFailure(row.status, row.code);
      expect(failure).toEqual({ transient: row.transient, mayHaveTakenEffect: row.effect });
      expect(mayRetry(failure, 'GET')).toBe(row.get);
      expect(mayRetry(failure, 'POST')).toBe(row.post);
    },
  );

  it.each(ANSWERS)('an EcsApiError of HTTP $status $code agrees with the table (isTransientError, mayHaveTakenEffect)', (row) => {
    const { status, code } = row;
    const error = new EcsApiError({ status, code, method: 'GET', url: 'https://ecs.example.com/x', advice: apiErrorHint });
    expect(isTransientError(error)).toBe(row.transient);
    expect(error.mayHaveTakenEffect).toBe(row.effect);
    // A hint never says "try again later" of a failure that will not pass.
    expect(/try again later/.test(error.hint ?? '')).toBe(row.transient && row.effect);
  });
});

/** An error of another realm (an iframe): not an `instanceof`, recognised by its `name`. */
function foreign(name: string, fields: Record<string, unknown>): Error {
  return Object.assign(Object.create(Error.prototype) as Error, { name, message: name, ...fields });
}

describe('classifyFailure: errors without an API answer, other errors, other realms', () => {
  it.each([
    {
      what: 'a connection never made',
      error: new EcsNetworkError('POST', 'https://x/', false, undefined),
      transient: true,
      effect: false,
    },
    {
      what: 'a connection reset',
      error: new EcsNetworkError('POST', 'https://x/', true, undefined),
      transient: true,
      effect: true,
    },
    { what: 'a plain EcsError', error: new EcsError('boom'), transient: false, effect: false },
    { what: 'a TypeError', error: new TypeError('boom'), transient: false, effect: false },
    { what: 'a string', error: 'boom', transient: false, effect: false },
    { what: 'a foreign 503 EcsApiError', error: foreign('EcsApiError', { status: 503 }), transient: true, effect: true },
    {
      what: 'a foreign 202 Common.0024',
      error: foreign('EcsApiError', { status: 202, code: 'Common.0024' }),
      transient: true,
      effect: false,
    },
    { what: 'a foreign 400 EcsApiError', error: foreign('EcsApiError', { status: 400 }), transient: false, effect: false },
    { what: 'an error named like no core error', error: foreign('ApiError', { status: 503 }), transient: false, effect: false },
  ])('$what → transient $transient, may have taken effect $effect', ({ error, transient, effect }) => {
    expect(classifyFailure(error).transient).toBe(transient);
    expect(isTransientError(error)).toBe(transient);
    // A foreign error has no getter: its class says what the local one would.
    if (!(error instanceof Error) || error instanceof EcsError) expect(classifyFailure(error).mayHaveTakenEffect).toBe(effect);
    else expect(classifyFailure(error).mayHaveTakenEffect).toBe(error.name === 'EcsApiError' ? effect : false);
  });
});

describe('the transport retries as the table says, over real HTTP', () => {
  /** What the server answers next, and how many requests it got. */
  let answer: { status: number; code: string | undefined } = { status: 500, code: undefined };
  let requests = 0;
  let server: Server;
  let url = '';

  beforeAll(async () => {
    server = createServer((request, response) => {
      requests += 1;
      request.resume();
      const body = answer.code === undefined ? '' : JSON.stringify({ error: { code: answer.code, message: 'no' } });
      // Retry-After: 0 keeps the retry of a 429 or 503 immediate; the others wait ky's jittered backoff.
      response.writeHead(answer.status, { 'content-type': 'application/json', 'retry-after': '0' }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const client = () =>
    createEcsClient({ endpoint: url, projectId: DEFAULT_PROJECT_ID, auth: { token: DEFAULT_TOKEN }, retry: 1 });

  // A 2xx is not an HTTP error to ky: its body is read after ky's retries, so a 202 Common.0024
  // is transient to waitForJob and isTransientError, but its call is not sent again by the transport.
  const httpErrors = ANSWERS.filter((row) => row.status >= 400);

  it.each(httpErrors)('HTTP $status $code: GET sent again $get, resize POST sent again $post', async (row) => {
    answer = { status: row.status, code: row.code };
    for (const [method, call, retried] of [
      ['GET', () => client().getServer(SERVERS.kvmStopped), row.get],
      ['POST', () => client().resize(SERVERS.kvmStopped, 's3.xlarge.2'), row.post],
    ] as const) {
      requests = 0;
      const error = await rejectionOf(call());
      expect(error, method).toBeInstanceOf(EcsApiError);
      expect((error as EcsApiError).code, method).toBe(row.code);
      expect(isTransientError(error), method).toBe(row.transient);
      expect(requests, method).toBe(retried ? 2 : 1);
    }
  });

  it('HTTP 202 Common.0024 on a GET: transient, but sent once (the body is read after the retries)', async () => {
    answer = { status: 202, code: 'Common.0024' };
    requests = 0;
    const error = await rejectionOf(client().getServer(SERVERS.kvmStopped));
    expect(error).toBeInstanceOf(EcsApiError);
    expect(isTransientError(error)).toBe(true);
    expect((error as EcsApiError).mayHaveTakenEffect).toBe(false);
    expect(requests).toBe(1);
  });
});
