/**
 * The CLI's words after core's API error advice (neutral words, kept as they are): "is the
 * endpoint right?" is followed by `--endpoint`, `ECS_ENDPOINT` and `--region`, a flavor to pick
 * by `ecs-resize flavors`, a server to stop by `--mode withStopServer`. Over real HTTP: a
 * node:http server on 127.0.0.1 stands where the endpoint points, answering each case.
 */
import { DEFAULT_PROJECT_ID, DEFAULT_TOKEN } from '@ecs-resize/emulator';
import { apiErrorHint, EcsApiError } from '@ecs-resize/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenOnLoopback, type LoopbackServer } from '../../core/test/loopback-server.js';
import { cliMessageOf } from '../src/output/cli-words.js';
import { LIBRARY_WORDS } from './helpers/library-words.js';
import { runInProcess } from './helpers/run-in-process.js';

/** Core's "is the endpoint right?", and the CLI's flags after it. */
const ENDPOINT_HINT =
  'Is the endpoint right? This answer is not from the ECS API: check the endpoint (e.g. https://ecs.eu-de.otc.t-systems.com). ' +
  'The endpoint is --endpoint (ECS_ENDPOINT), or the default of --region (HW_REGION_NAME).';

/** What the test server answers: a status, a content type and a body. */
interface Answer {
  status: number;
  type: string;
  body: string;
}

const json = (status: number, body: unknown): Answer => ({ status, type: 'application/json', body: JSON.stringify(body) });

let answer: Answer = { status: 404, type: 'text/plain', body: '' };
let server: LoopbackServer;
let env: Record<string, string>;

beforeAll(async () => {
  server = await listenOnLoopback((_request, response) => {
    response.writeHead(answer.status, { 'content-type': answer.type }).end(answer.body);
  });
  env = { ECS_ENDPOINT: server.url, HW_PROJECT_ID: DEFAULT_PROJECT_ID, OS_AUTH_TOKEN: DEFAULT_TOKEN };
});
afterAll(() => server?.close());

const COMMANDS = [['servers'], ['check', '6f1b3c2a-0d4e-4b7a-9c11-2a5e8f000001', 's3.large.2'], ['job', 'job-1']];

describe.each(COMMANDS)('ecs-resize %s …', (...args) => {
  it.each([
    ['a 404 HTML page', { status: 404, type: 'text/html', body: '<html><title>404 Not Found</title></html>' }],
    ['a 404 with an empty body', { status: 404, type: 'text/plain', body: '' }],
    ["a 404 with another service's JSON", json(404, { message: 'no Route matched with those values' })],
    ['APIG.0101', json(404, { error_code: 'APIG.0101', error_msg: 'The API does not exist or has not been published.' })],
  ])('%s: exit 3, and the hint names the flag and the variables', async (_name, next) => {
    answer = next;
    const { code, stdout, stderr } = await runInProcess(args, env);
    expect(code).toBe(3);
    expect(stdout).toBe('');
    expect(stderr).toContain(ENDPOINT_HINT);
    expect(stderr).not.toContain('endpoint option');
    expect(stderr).not.toMatch(LIBRARY_WORDS);
  });
});

describe("the ECS API's own 404 keeps its advice", () => {
  it.each([
    [['servers'], json(404, { error: { code: 'Ecs.0114', message: 'The ECS does not exist.' } }), 'Check the server id'],
    [['job', 'job-1'], json(404, { code: 'Common.0011', message: 'Job not found.' }), 'Check the job id.'],
  ])('%j: %j', async (args, next, advice) => {
    answer = next;
    const { code, stderr } = await runInProcess(args, env);
    expect(code).toBe(3);
    expect(stderr).toContain(advice);
    expect(stderr).not.toContain('endpoint');
  });
});

describe("core's advice in the CLI's words", () => {
  const apiError = (status: number, code: string) =>
    new EcsApiError({
      status,
      code,
      method: 'POST',
      url: 'https://ecs.example/v1/p/cloudservers/s/resize',
      advice: apiErrorHint,
    });
  it.each([
    [
      apiError(400, 'Ecs.0029'),
      'pick one of the flavors this server may change to. List them: ecs-resize flavors <server>.',
      'listResizeFlavors',
    ],
    [
      apiError(400, 'Ecs.0019'),
      'pick another from the flavors this server may change to. List them: ecs-resize flavors <server>.',
      'listResizeFlavors',
    ],
    [
      apiError(409, 'Ecs.0100'),
      'resize in the mode that stops and restarts the server; wait until no task is running. That mode is --mode withStopServer.',
      "mode 'withStopServer'",
    ],
    [apiError(404, 'APIGW.0101'), ENDPOINT_HINT, 'endpoint option'],
  ])('%s', (error, says, never) => {
    const message = cliMessageOf(error);
    expect(message).toContain(says);
    expect(message).not.toContain(never);
    expect(message).not.toMatch(LIBRARY_WORDS);
  });
});
