import { DEFAULT_CREDENTIALS, DEFAULT_TOKEN, SERVERS } from '@ecs-resize/emulator';
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { EcsApiError, EcsError, EcsResponseError, JobFailedError } from '../src/index.js';
import { FAST_JOB_MS, FAST_WAIT, clientOf, rejectionOf, useEmulator } from './helpers.js';

describe('API errors, parsed from every body shape', () => {
  const emulator = useEmulator({ jobDurationMs: FAST_JOB_MS });
  afterEach(() => void emulator().faults.splice(0));

  /** Each resize the API refuses at once, with its code, status and a hint that says what to do. */
  const refusals = [
    {
      name: 'a running server',
      server: SERVERS.kvmRunning,
      flavor: 's3.xlarge.2',
      code: 'Ecs.0100',
      hint: /the mode that stops and restarts the server/,
    },
    {
      name: 'a server still starting',
      server: SERVERS.poweringOn,
      flavor: 's3.xlarge.2',
      code: 'Ecs.0100',
      hint: /Stop the server/,
    },
    { name: 'the same flavor', server: SERVERS.kvmStopped, flavor: 's3.large.2', code: 'Ecs.0009', hint: /different/ },
    {
      name: 'an unknown flavor',
      server: SERVERS.kvmStopped,
      flavor: 'zz9.huge.9',
      code: 'Ecs.0029',
      hint: /the flavors this server may change to/,
    },
    { name: 'a frozen server', server: SERVERS.frozen, flavor: 's3.xlarge.2', code: 'Ecs.0030', hint: /frozen/ },
    { name: 'a locked server', server: SERVERS.locked, flavor: 's3.xlarge.2', code: 'Ecs.0605', hint: /unlock/ },
  ];
  for (const refusal of refusals) {
    it(`resize of ${refusal.name} → ${refusal.code}`, async () => {
      const error = await rejectionOf(clientOf(emulator()).resize(refusal.server, refusal.flavor));
      expect(error).toBeInstanceOf(EcsApiError);
      const apiError = error as EcsApiError;
      expect(apiError).toBeInstanceOf(EcsError);
      expect(apiError.name).toBe('EcsApiError');
      expect(apiError.status).toBe(400);
      expect(apiError.code).toBe(refusal.code);
      expect(apiError.apiMessage).toBeTruthy();
      expect(apiError.requestId).toMatch(/^[0-9a-f]{32}$/);
      expect(apiError.method).toBe('POST');
      expect(apiError.message).toContain(refusal.code);
      expect(apiError.message).toMatch(refusal.hint);
    });
  }

  it('an unknown server → 404 Ecs.0114', async () => {
    const error = (await rejectionOf(clientOf(emulator()).getServer('00000000-0000-0000-0000-000000000000'))) as EcsApiError;
    expect(error).toBeInstanceOf(EcsApiError);
    expect([error.status, error.code]).toEqual([404, 'Ecs.0114']);
  });

  it('an unknown job → the job API top-level {code, message} shape', async () => {
    const error = (await rejectionOf(clientOf(emulator()).getJob('ffffffffffffffffffffffffffffffff'))) as EcsApiError;
    expect(error).toBeInstanceOf(EcsApiError);
    expect(error.code).toBe('Common.0011');
    expect(error.apiMessage).toMatch(/job|task/i);
  });

  it('a refused token → 401 with the gateway body {error_msg, error_code, request_id}', async () => {
    const error = (await rejectionOf(
      clientOf(emulator(), { auth: { token: 'not-a-valid-token' } }).getServer(SERVERS.kvmStopped),
    )) as EcsApiError;
    expect(error).toBeInstanceOf(EcsApiError);
    expect([error.status, error.code]).toEqual([401, 'APIG.0301']);
    expect(error.requestId).toBeTruthy();
    expect(error.message).not.toContain('not-a-valid-token');
  });

  it('an HTML error page → EcsApiError with its status and the page title', async () => {
    emulator().faults.push({ route: 'getServer', kind: 'html', status: 502 });
    const error = (await rejectionOf(clientOf(emulator(), { retry: 0 }).getServer(SERVERS.kvmStopped))) as EcsApiError;
    expect(error).toBeInstanceOf(EcsApiError);
    expect(error.status).toBe(502);
    expect(error.code).toBeUndefined();
    expect(error.apiMessage).toMatch(/502/);
  });

  it('an empty error body → EcsApiError with the status alone', async () => {
    emulator().faults.push({ route: 'getServer', kind: 'empty', status: 503 });
    const error = (await rejectionOf(clientOf(emulator(), { retry: 0 }).getServer(SERVERS.kvmStopped))) as EcsApiError;
    expect(error).toBeInstanceOf(EcsApiError);
    expect([error.status, error.code, error.apiMessage]).toEqual([503, undefined, undefined]);
    expect(error.message).toMatch(/HTTP 503/);
  });

  it('malformed JSON in a 200 → EcsResponseError', async () => {
    emulator().faults.push({ route: 'getServer', kind: 'malformed-json' });
    const error = (await rejectionOf(clientOf(emulator()).getServer(SERVERS.kvmStopped))) as EcsResponseError;
    expect(error).toBeInstanceOf(EcsResponseError);
    expect(error.status).toBe(200);
    expect(error.issues).toEqual(['the body is not valid JSON']);
  });

  it('a job that fails later → JobFailedError carrying the job, error_code and fail_reason', async () => {
    const client = clientOf(emulator());
    const { jobId } = await client.resize(SERVERS.kvmStopped, 's1.large');
    const error = (await rejectionOf(client.waitForJob(jobId!, FAST_WAIT))) as JobFailedError;
    expect(error).toBeInstanceOf(JobFailedError);
    expect(error.job.status).toBe('FAIL');
    expect(error.job.error_code).toBe('Ecs.0207');
    expect(error.errorCode).toBe('Ecs.0207');
    expect(error.failReason).toMatch(/KVM/);
    expect(error.message).toContain(jobId);
  });
});

describe('secrets never appear in errors', () => {
  const emulator = useEmulator({ jobDurationMs: FAST_JOB_MS });
  afterEach(() => void emulator().faults.splice(0));

  /** Everything a caller could print or serialise of an error, its causes included. */
  function everythingShown(error: unknown): string {
    return [String(error), inspect(error, { depth: 8, showHidden: true }), JSON.stringify(error)].join('\n');
  }

  it('no token, secret key or security token in any error a client throws', async () => {
    const token = 'tok-SECRET-123456';
    const secretKey = 'sk-SECRET-abcdef';
    const securityToken = 'st-SECRET-zzzzzz';
    const errors: unknown[] = [];
    const collect = (promise: Promise<unknown>) =>
      promise.then(
        () => undefined,
        (error: unknown) => void errors.push(error),
      );
    const withToken = clientOf(emulator(), { auth: { token }, retry: 0 });
    const withKeys = clientOf(emulator(), {
      auth: { accessKey: DEFAULT_CREDENTIALS.accessKey, secretKey, securityToken },
      retry: 0,
    });
    await collect(withToken.getServer(SERVERS.kvmStopped));
    await collect(withKeys.getServer(SERVERS.kvmStopped));
    await collect(withKeys.resize('bad/id', 's3.large.2'));
    emulator().faults.push({ route: 'getServer', kind: 'reset' });
    await collect(clientOf(emulator(), { auth: { token: DEFAULT_TOKEN }, retry: 0 }).getServer(SERVERS.kvmStopped));
    await collect(Promise.resolve().then(() => clientOf(emulator(), { auth: { token: '' } })));
    await collect(
      Promise.resolve().then(() => clientOf(emulator(), { auth: { accessKey: 'AK', secretKey: 42 as unknown as string } })),
    );
    await collect(Promise.resolve().then(() => clientOf(emulator(), { auth: token as never })));
    await collect(Promise.resolve().then(() => clientOf(emulator(), { endpoint: `https://user:${secretKey}@ecs.example.com` })));
    expect(errors).toHaveLength(8);
    for (const error of errors) {
      const shown = everythingShown(error);
      for (const secret of [token, secretKey, securityToken, DEFAULT_TOKEN, DEFAULT_CREDENTIALS.secretKey]) {
        expect(shown).not.toContain(secret);
      }
    }
  });
});
