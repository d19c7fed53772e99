/**
 * "Is the endpoint right?": a 404 that is not the ECS API's (an HTML page, an empty body,
 * another service's JSON) and the API gateway's `APIG.0101` (it does not know the path) get a
 * hint that says to check the endpoint; a 404 of the ECS API itself (no such server, no such
 * job) keeps its own advice. Over real HTTP, a node:http server on 127.0.0.1 answering each.
 */
import { DEFAULT_PROJECT_ID, DEFAULT_TOKEN } from '@ecs-resize/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEcsClient, EcsApiError, isWrongEndpointError } from '../src/index.js';
import { listenOnLoopback, type LoopbackServer } from './loopback-server.js';
import { rejectionOf } from './helpers.js';

/** What the test server answers: a status, a content type and a body. */
interface Answer {
  status: number;
  type: string;
  body: string;
}

const SERVER_ID = '6f1b3c2a-0d4e-4b7a-9c11-2a5e8f000001';
const ENDPOINT_HINT = 'Is the endpoint right? This answer is not from the ECS API: check the endpoint (e.g.';

const html = (status: number, title: string): Answer => ({
  status,
  type: 'text/html',
  body: `<!DOCTYPE html><html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`,
});
const json = (status: number, body: unknown): Answer => ({ status, type: 'application/json', body: JSON.stringify(body) });

let answer: Answer = html(404, '404 Not Found');
let server: LoopbackServer;

beforeAll(async () => {
  server = await listenOnLoopback((_request, response) => {
    response.writeHead(answer.status, { 'content-type': answer.type }).end(answer.body);
  });
});
afterAll(() => server?.close());

/** The error `getServer` (or `getJob`) gets for the current answer, with no retries. */
async function errorFor(next: Answer, call: 'getServer' | 'getJob' = 'getServer'): Promise<EcsApiError> {
  answer = next;
  const client = createEcsClient({
    endpoint: server.url,
    projectId: DEFAULT_PROJECT_ID,
    auth: { token: DEFAULT_TOKEN },
    retry: 0,
  });
  const error = await rejectionOf(call === 'getServer' ? client.getServer(SERVER_ID) : client.getJob('job-1'));
  expect(error).toBeInstanceOf(EcsApiError);
  return error as EcsApiError;
}

describe('an answer that is not the ECS API gets the endpoint hint', () => {
  it.each([
    ['a 404 HTML page (a web server or proxy)', html(404, '404 Not Found')],
    ['a 404 with an empty body', { status: 404, type: 'text/plain', body: '' }],
    ['a 404 with JSON that has no error code', json(404, { message: 'Not Found' })],
    ["a 404 with another service's error", json(404, { error: { code: 'CCE.01404001', message: 'Cluster not found' } })],
    ['a 404 Nova-style numeric code (another API)', json(404, { itemNotFound: { code: 404, message: 'Not found' } })],
    [
      'APIG.0101: the gateway does not know the path',
      json(404, { error_code: 'APIG.0101', error_msg: 'The API does not exist or has not been published.', request_id: 'r1' }),
    ],
    ['APIGW.0101, the other spelling', json(404, { error_code: 'APIGW.0101', error_msg: 'The API does not exist.' })],
    ['APIG.0101 with another status', json(400, { error_code: 'APIG.0101', error_msg: 'The API does not exist.' })],
  ])('%s', async (_name, next) => {
    const error = await errorFor(next);
    expect(error.hint).toContain(ENDPOINT_HINT);
    expect(error.message).toContain(ENDPOINT_HINT);
    expect(isWrongEndpointError(error)).toBe(true);
  });
});

describe("the ECS API's own 404s, and other failures, keep their advice", () => {
  it.each([
    [
      'Ecs.0114: the server does not exist',
      json(404, { error: { code: 'Ecs.0114', message: 'The ECS does not exist.' } }),
      'getServer',
      'Check the server id and the project id.',
    ],
    [
      'Ecs.0614: the server does not exist',
      json(404, { error: { code: 'Ecs.0614', message: 'The ECS does not exist.' } }),
      'getServer',
      'Check the server id and the project id.',
    ],
    [
      'Common.0011: the job does not exist',
      json(404, { code: 'Common.0011', message: 'Job not found.' }),
      'getJob',
      'Check the job id.',
    ],
    ['a 500 HTML page', html(500, 'Internal Server Error'), 'getServer', 'The service failed: try again later.'],
  ] as const)('%s', async (_name, next, call, hint) => {
    const error = await errorFor(next, call);
    expect(error.hint).toBe(hint);
    expect(error.message).not.toContain('endpoint');
    expect(isWrongEndpointError(error)).toBe(false);
  });

  it('an EVS 404 is the EVS API speaking, not a wrong endpoint', async () => {
    const error = await errorFor(json(404, { error: { code: 'EVS.2061', message: 'The volume does not exist.' } }));
    expect(error.hint).toBeUndefined();
    expect(isWrongEndpointError(error)).toBe(false);
  });
});

describe('isWrongEndpointError', () => {
  it('recognises an error of another realm by its name, status and code', () => {
    const foreign = Object.assign(new Error('Not Found'), { name: 'EcsApiError', status: 404, code: undefined });
    expect(isWrongEndpointError(foreign)).toBe(true);
    const foreignNoSuchServer = Object.assign(new Error('The ECS does not exist.'), {
      name: 'EcsApiError',
      status: 404,
      code: 'Ecs.0114',
    });
    expect(isWrongEndpointError(foreignNoSuchServer)).toBe(false);
  });

  it.each([undefined, null, new Error('404'), { name: 'EcsApiError', status: 404 }])('is false for %s', (value) => {
    expect(isWrongEndpointError(value)).toBe(false);
  });
});
