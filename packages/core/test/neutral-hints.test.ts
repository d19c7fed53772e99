/**
 * Core's advice speaks an operator's words: a console shows an error's message as it is, and
 * the CLI adds only its own flags, so no hint of the API error table and no error class's own
 * advice names a library option, function or field. Every hint and every error class's message
 * is rendered with sample data and checked with the detector the rule messages use
 * (`LIBRARY_IDENTIFIER`, from `@ecs-resize/rules/testing`), plus the word "option".
 */
import { LIBRARY_IDENTIFIER } from '@ecs-resize/rules/testing';
import { describe, expect, it } from 'vitest';
import { HINTS_BY_CODE } from '../src/errors/api-error-hints.js';
import {
  apiErrorHint,
  EcsApiError,
  EcsInputError,
  EcsNetworkError,
  EcsResponseError,
  EcsTimeoutError,
  JobFailedError,
  JobTimeoutError,
  PreflightError,
} from '../src/index.js';

/** A library term the identifier check cannot see: "check the endpoint option". */
const LIBRARY_TERM = /\boptions?\b/;

/** Fails when `text` names a library identifier or option. */
function expectNeutral(text: string): void {
  expect(text).not.toMatch(LIBRARY_IDENTIFIER);
  expect(text).not.toMatch(LIBRARY_TERM);
}

const URL = 'https://ecs.eu-de.otc.t-systems.com/v1/0a1b2c/cloudservers/6f1b3c2a-0d4e-4b7a-9c11-2a5e8f000001';
const METHODS = ['GET', 'POST'] as const;

describe('the check', () => {
  it.each([
    'The flavor is abandoned: pick another one from listResizeFlavors().',
    'The project id does not match the credentials: check projectId.',
    "Stop the server first, or resize with mode 'withStopServer'.",
    'Is the endpoint right? Check the endpoint option.',
    'Raise `timeout` if the API is slow.',
    "It may still finish: call waitForJob('job-1') again.",
  ])('finds the library in %j', (text) => {
    expect(() => expectNeutral(text)).toThrow();
  });

  it('lets a plain sentence pass', () => {
    expectNeutral('Stop the server first, or resize in the mode that stops and restarts the server.');
  });
});

describe('every hint of the API error table', () => {
  it.each(Object.entries(HINTS_BY_CODE))('%s: %s', (code, hint) => {
    expect(apiErrorHint(400, code)).toBe(hint);
    expectNeutral(hint);
  });

  /** Every status an error may have, without a code: the status hints and the endpoint hint. */
  const statuses = Array.from({ length: 200 }, (_, index) => 400 + index);
  it.each([undefined, 'APIG.0101', 'Ecs.9999'])('every status from 400 to 599 with code %s', (code) => {
    const hints = new Set(statuses.map((status) => apiErrorHint(status, code)));
    expect([...hints].filter(Boolean).length).toBeGreaterThan(0);
    for (const hint of hints) expectNeutral(hint ?? '');
  });
});

describe("every error class's message, rendered with sample data", () => {
  const job = { job_id: 'job-1', status: 'FAIL', error_code: 'Ecs.0001', fail_reason: 'The host has no capacity.' };
  const report = {
    ok: false,
    findings: [{ ruleId: 'server-stopped', severity: 'error' as const, message: 'The server must be stopped.' }],
  };
  /** Each error class, with each message variant it has. */
  const errors: readonly (readonly [string, Error])[] = [
    ...METHODS.flatMap((method): (readonly [string, Error])[] => [
      [
        `EcsApiError ${method} locked`,
        new EcsApiError({ status: 409, code: 'Ecs.0605', method, url: URL, advice: apiErrorHint }),
      ],
      [`EcsApiError ${method} wrong endpoint`, new EcsApiError({ status: 404, method, url: URL, advice: apiErrorHint })],
      [`EcsNetworkError ${method} never sent`, new EcsNetworkError(method, URL, false, new Error('refused'))],
      [`EcsNetworkError ${method} may have reached`, new EcsNetworkError(method, URL, true, new Error('reset'))],
      [`EcsTimeoutError ${method}`, new EcsTimeoutError(method, URL, 30_000)],
      [`EcsResponseError ${method}`, new EcsResponseError(200, method, URL, ['the job id is missing'])],
    ]),
    ['JobFailedError', new JobFailedError(job)],
    ['JobFailedError without a reason', new JobFailedError({ job_id: 'job-1', status: 'FAIL' })],
    ['JobTimeoutError with a job', new JobTimeoutError('job-1', 600_000, { job_id: 'job-1', status: 'RUNNING' })],
    ['JobTimeoutError without one', new JobTimeoutError('job-1', 600_000, undefined)],
    ['PreflightError', new PreflightError('6f1b3c2a-0d4e-4b7a-9c11-2a5e8f000001', 's3.xlarge.2', report)],
  ];
  it.each(errors)('%s', (_name, error) => {
    expectNeutral(error.message);
  });

  it("EcsInputError: its own words (it quotes the caller's function and input paths, which are the caller's code)", () => {
    const error = new EcsInputError('resize', [{ path: 'flavorRef', message: 'must be a flavor id' }]);
    expect(error.message).toContain('resize(): flavorRef: must be a flavor id');
    expectNeutral(error.message.replace('resize(): flavorRef', ''));
  });
});
