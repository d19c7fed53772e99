/**
 * The secrets scan (issue 6, suite 6): with a distinctive token, secret key and security token,
 * run succeeding and failing operations of every kind — bad credentials, every error class,
 * input errors with secrets in the wrong places, servers that echo the credentials back — and
 * check that no secret appears in any error (`String`, `util.inspect` with hidden properties,
 * `JSON.stringify`, the whole `cause` chain) nor in anything written to the console.
 */
import { SERVERS, startEmulator, type Emulator } from '@ecs-resize/emulator';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createProxyHandler } from '../src/proxy/index.js';
import { createEcsClient, isEcsError, signRequest, type EcsClient, type EcsClientOptions } from '../src/index.js';
import { HOLD, advanceClock } from './helpers.js';

/**
 * The secrets, each with a unique marker that survives encoding and escaping. The token looks
 * like an IAM token (`+`, `/`, `=`), so it is no valid id.
 */
const SECRETS = {
  token: 'MIIEtok+SECRET/7c4d1f9a2b==',
  wrongToken: 'MIIEbad+SECRET/88e1d0c3f7==',
  secretKey: 'sk-SECRET-a9c4e1f7d3b2',
  wrongSecretKey: 'sk-SECRET-51b0e6a2c9d4',
  securityToken: 'sts+SECRET/7e2d8c4b19ff==',
  password: 'pw-SECRET-3f6a0b1c2d',
} as const;
const MARKERS: Record<keyof typeof SECRETS, string> = {
  token: '7c4d1f9a2b',
  wrongToken: '88e1d0c3f7',
  secretKey: 'a9c4e1f7d3b2',
  wrongSecretKey: '51b0e6a2c9d4',
  securityToken: '7e2d8c4b19ff',
  password: '3f6a0b1c2d',
};
const ACCESS_KEY = 'SECRETSSUITEAK000001';

/** Everything an error shows, by where it shows it. */
function renderings(error: unknown): [string, string][] {
  const out: [string, string][] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 10; depth += 1) {
    const at = depth === 0 ? 'error' : `error${'.cause'.repeat(depth)}`;
    out.push([`String(${at})`, String(current)]);
    out.push([`inspect(${at})`, inspect(current, { showHidden: true, depth: 10 })]);
    try {
      out.push([`JSON.stringify(${at})`, JSON.stringify(current) ?? '']);
    } catch (caught) {
      out.push([`JSON.stringify(${at}) threw`, String(caught)]);
    }
    if (current instanceof Error) {
      out.push([`${at}.stack`, current.stack ?? '']);
      const own = Object.fromEntries(
        Object.getOwnPropertyNames(current).map((name) => [name, (current as unknown as Record<string, unknown>)[name]]),
      );
      out.push([`own properties of ${at}`, inspect(own, { showHidden: true, depth: 10 })]);
      if (current instanceof AggregateError) out.push([`${at}.errors`, inspect(current.errors, { showHidden: true, depth: 10 })]);
    }
    current = current instanceof Error ? current.cause : undefined;
  }
  return out;
}

/** Every place a secret shows up in `texts`, as `secret in where`. */
function leaks(texts: readonly [string, string][]): string[] {
  const found: string[] = [];
  for (const [where, text] of texts) {
    for (const [name, marker] of Object.entries(MARKERS)) {
      if (text.includes(marker))
        found.push(`${name} in ${where}: …${text.slice(Math.max(0, text.indexOf(marker) - 60), text.indexOf(marker) + 30)}…`);
    }
  }
  return found;
}

/** Runs each operation; returns what each threw (after checking it is a typed error when `typed`). */
async function errorsOf(operations: readonly (() => unknown)[], typed = true): Promise<unknown[]> {
  const errors: unknown[] = [];
  for (const operation of operations) {
    try {
      await operation();
    } catch (error) {
      if (typed) expect(isEcsError(error), `a typed error: ${String(error)}`).toBe(true);
      errors.push(error);
    }
  }
  return errors;
}

/** Everything written to the console during a test. */
let consoleOutput: [string, string][] = [];
beforeEach(() => {
  consoleOutput = [];
  for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      consoleOutput.push([
        `console.${method}`,
        args.map((arg) => (typeof arg === 'string' ? arg : inspect(arg, { showHidden: true, depth: 10 }))).join(' '),
      ]);
    });
  }
  vi.spyOn(process, 'emitWarning').mockImplementation((warning: string | Error) => {
    consoleOutput.push(['process.emitWarning', inspect(warning, { showHidden: true, depth: 10 })]);
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** The scan itself: no secret in the errors (every rendering, every cause) nor on the console. */
function expectNoSecrets(errors: readonly unknown[], extra: readonly [string, string][] = []): void {
  const texts = [...errors.flatMap(renderings), ...extra, ...consoleOutput];
  expect(leaks(texts)).toEqual([]);
}

describe('secrets: operations against the emulator', () => {
  const JOB_MS = 60;
  let emulator: Emulator;
  beforeEach(async () => {
    emulator = await startEmulator({
      jobDurationMs: JOB_MS,
      auth: { tokens: [SECRETS.token], credentials: [{ accessKey: ACCESS_KEY, secretKey: SECRETS.secretKey }] },
    });
  });
  afterEach(async () => {
    vi.useRealTimers();
    await emulator.close();
  });

  const clients: Record<string, (overrides?: Partial<EcsClientOptions>) => EcsClient> = {
    token: (overrides = {}) =>
      createEcsClient({
        endpoint: emulator.url,
        projectId: emulator.projectId,
        auth: { token: SECRETS.token },
        retry: 0,
        ...overrides,
      }),
    'AK/SK with a security token': (overrides = {}) =>
      createEcsClient({
        endpoint: emulator.url,
        projectId: emulator.projectId,
        auth: { accessKey: ACCESS_KEY, secretKey: SECRETS.secretKey, securityToken: SECRETS.securityToken },
        retry: 0,
        ...overrides,
      }),
  };

  for (const [kind, clientOf] of Object.entries(clients)) {
    it(`${kind}: succeeding calls, then API refusals, unknown ids, a failed and a timed-out job, a preflight block`, async () => {
      // The emulator's jobs move only when the test moves the clock.
      vi.useFakeTimers({ toFake: ['Date'] });
      const client = clientOf();
      // Succeeding calls (they must work with these credentials at all).
      const server = await client.getServer(SERVERS.kvmStopped);
      expect(server.id).toBe(SERVERS.kvmStopped);
      await client.listServers();
      await client.collectFacts(SERVERS.kvmScsi, 'c6.xlarge.2');
      const { jobId } = await client.resize(SERVERS.xenDrivers, 's3.large.2');
      advanceClock(JOB_MS);
      await client.waitForJob(jobId!, { interval: 10, timeout: 5000 });
      const { jobId: failing } = await client.resize(SERVERS.xenStopped, 's3.large.2');
      advanceClock(JOB_MS);
      const preflight = {
        check: () => ({
          ok: false,
          errorCount: 1,
          warningCount: 0,
          findings: [{ ruleId: 'test', severity: 'error' as const, messageId: 'no', message: 'blocked' }],
        }),
      };
      const errors = await errorsOf([
        () => client.resize(SERVERS.kvmRunning, 's3.xlarge.2'), // Ecs.0100
        () => client.resize(SERVERS.locked, 's3.xlarge.2'), // Ecs.0605
        () => client.getServer('00000000-0000-0000-0000-000000000000'), // 404
        () => client.getJob('ffffffffffffffffffffffffffffffff'), // Common.0011
        () => client.waitForJob(failing!, { interval: 10, timeout: 5000 }), // JobFailedError
        async () => client.waitForJob((await client.resize(SERVERS.xen24Vbd, 's3.large.2')).jobId!, { interval: 5, timeout: 15 }), // JobTimeoutError: the job never ends
        () => client.resize(SERVERS.kvmStopped, 's3.xlarge.2', { preflight }), // PreflightError
      ]);
      expect(errors.map((error) => (error as Error).name)).toEqual([
        'EcsApiError',
        'EcsApiError',
        'EcsApiError',
        'EcsApiError',
        'JobFailedError',
        'JobTimeoutError',
        'PreflightError',
      ]);
      expectNoSecrets(errors);
    });

    it(`${kind}: every fault kind (5xx, 429, HTML, empty, malformed JSON, resets, a timeout) and a refused connection`, async () => {
      const faults = [
        { kind: 'error', status: 500 },
        { kind: 'error', status: 503 },
        { kind: 'rate-limit', retryAfter: 1 },
        { kind: 'html', status: 502 },
        { kind: 'empty', status: 504 },
        { kind: 'malformed-json', phase: 'after' },
        { kind: 'reset' },
        { kind: 'reset', phase: 'after' },
        HOLD,
      ] as const;
      const errors: unknown[] = [];
      for (const fault of faults) {
        emulator.faults.splice(0, Infinity, { route: '*', ...fault });
        // The held requests time out; every other answer comes at once, well within the default timeout.
        const options = fault.kind === 'latency' ? { timeout: 300 } : {};
        errors.push(
          ...(await errorsOf([
            () => clientOf(options).getServer(SERVERS.kvmStopped),
            () => clientOf(options).resize(SERVERS.kvmScsi, 'c6.xlarge.2'),
          ])),
        );
      }
      emulator.faults.splice(0);
      errors.push(...(await errorsOf([() => clientOf({ endpoint: 'http://127.0.0.1:9' }).getServer(SERVERS.kvmStopped)])));
      expect(errors).toHaveLength(faults.length * 2 + 1);
      expect(new Set(errors.map((error) => (error as Error).name))).toEqual(
        new Set(['EcsApiError', 'EcsResponseError', 'EcsNetworkError', 'EcsTimeoutError']),
      );
      expectNoSecrets(errors);
    });
  }

  it('bad credentials: a wrong token, a wrong secret key, a wrong security token → 401 without the secrets', async () => {
    const base = { endpoint: emulator.url, projectId: emulator.projectId, retry: 0 } as const;
    const errors = await errorsOf([
      () => createEcsClient({ ...base, auth: { token: SECRETS.wrongToken } }).getServer(SERVERS.kvmStopped),
      () =>
        createEcsClient({ ...base, auth: { accessKey: ACCESS_KEY, secretKey: SECRETS.wrongSecretKey } }).getServer(
          SERVERS.kvmStopped,
        ),
      () =>
        createEcsClient({
          ...base,
          auth: { accessKey: 'UNKNOWNAK', secretKey: SECRETS.secretKey, securityToken: SECRETS.securityToken },
        }).resize(SERVERS.kvmScsi, 'c6.xlarge.2'),
    ]);
    expect(errors.map((error) => [(error as { status?: number }).status, (error as { code?: string }).code])).toEqual([
      [401, 'APIG.0301'],
      [401, 'APIG.0301'],
      [401, 'APIG.0301'],
    ]);
    expectNoSecrets(errors);
  });

  it('a token with a line break (a wrapped paste) → a typed error that does not show it', async () => {
    const errors = await errorsOf([
      () =>
        createEcsClient({
          endpoint: emulator.url,
          projectId: emulator.projectId,
          auth: { token: `${SECRETS.token}\nMIIE` },
          retry: 0,
        }).getServer(SERVERS.kvmStopped),
    ]);
    expect(errors).toHaveLength(1);
    expectNoSecrets(errors);
  });

  it('a security token with a line break → a typed error that does not show it', async () => {
    const auth = { accessKey: ACCESS_KEY, secretKey: SECRETS.secretKey, securityToken: `${SECRETS.securityToken}\r\nX-Evil: 1` };
    const errors = await errorsOf([
      () =>
        createEcsClient({ endpoint: emulator.url, projectId: emulator.projectId, auth, retry: 0 }).getServer(SERVERS.kvmStopped),
    ]);
    expect(errors).toHaveLength(1);
    expectNoSecrets(errors);
  });
});

describe('secrets: input errors with secrets in the wrong places', () => {
  const endpoint = 'https://ecs.eu-de.otc.t-systems.com';
  const projectId = '0b5e1f2a3c4d4e5f8a9b0c1d2e3f4a5b';
  const create = (options: unknown) => () => createEcsClient(options as EcsClientOptions);

  const cases: [string, () => unknown][] = [
    ['a bare token as auth', create({ endpoint, projectId, auth: SECRETS.token })],
    ['a token in a list as auth', create({ endpoint, projectId, auth: [SECRETS.token] })],
    ['the token under a misspelt name', create({ endpoint, projectId, auth: { tokne: SECRETS.token } })],
    [
      'a token beside AK/SK',
      create({ endpoint, projectId, auth: { token: SECRETS.token, accessKey: ACCESS_KEY, secretKey: SECRETS.secretKey } }),
    ],
    ['a secret key without an access key', create({ endpoint, projectId, auth: { secretKey: SECRETS.secretKey } })],
    [
      'a secret key given as the access key',
      create({ endpoint, projectId, auth: { accessKey: SECRETS.secretKey, secretKey: '' } }),
    ],
    [
      'a security token under a misspelt name',
      create({
        endpoint,
        projectId,
        auth: { accessKey: ACCESS_KEY, secretKey: SECRETS.secretKey, sessionToken: SECRETS.securityToken },
      }),
    ],
    [
      'a numeric security token beside a secret key',
      create({ endpoint, projectId, auth: { accessKey: ACCESS_KEY, secretKey: SECRETS.secretKey, securityToken: 42 } }),
    ],
    [
      'a password in the endpoint URL',
      create({ endpoint: `https://admin:${SECRETS.password}@ecs.eu-de.otc.t-systems.com`, projectId }),
    ],
    [
      'a token in the endpoint query',
      create({ endpoint: `https://ecs.eu-de.otc.t-systems.com/?token=${SECRETS.token}`, projectId }),
    ],
    [
      'a token in the endpoint fragment',
      create({ endpoint: `https://ecs.eu-de.otc.t-systems.com/#${SECRETS.token}`, projectId }),
    ],
    [
      'a password in the EVS endpoint URL',
      create({ endpoint, evsEndpoint: `https://admin:${SECRETS.password}@evs.eu-de.otc.t-systems.com`, projectId }),
    ],
    [
      'a token in the query of a same-origin endpoint path (outside a browser)',
      create({ endpoint: `/ecs-proxy?token=${SECRETS.token}`, projectId }),
    ],
    [
      'the token given as the project id (arguments swapped)',
      create({ endpoint, projectId: SECRETS.token, auth: { token: projectId } }),
    ],
    ['the token given instead of the options', create(SECRETS.token)],
    ['signRequest with a token instead of credentials', () => signRequest(new Request(endpoint), SECRETS.token as never)],
    [
      'signRequest with an unknown credentials key',
      () =>
        signRequest(new Request(endpoint), {
          accessKey: ACCESS_KEY,
          secretKey: SECRETS.secretKey,
          token: SECRETS.token,
        } as never),
    ],
    [
      'signRequest with a non-string security token',
      () =>
        signRequest(new Request(endpoint), {
          accessKey: ACCESS_KEY,
          secretKey: SECRETS.secretKey,
          securityToken: [SECRETS.securityToken],
        } as never),
    ],
  ];

  for (const [name, operation] of cases) {
    it(`${name} → EcsInputError without the secret`, async () => {
      const errors = await errorsOf([operation]);
      expect(errors.map((error) => (error as Error).name)).toEqual(['EcsInputError']);
      expectNoSecrets(errors);
    });
  }
});

describe('secrets: servers that echo the credentials back', () => {
  /** What the echo server answers, with `echo` standing for the credentials it received. */
  const ECHOES: Record<string, (echo: string) => { status: number; body: string; headers?: Record<string, string> }> = {
    'a gateway error body {error_msg, error_code, request_id}': (echo) => ({
      status: 401,
      body: JSON.stringify({ error_msg: `denied ${echo}`, error_code: 'APIG.0301', request_id: 'r-1' }),
    }),
    'the error code': (echo) => ({ status: 400, body: JSON.stringify({ error: { code: echo, message: 'refused' } }) }),
    'the request id in the body': (echo) => ({
      status: 401,
      body: JSON.stringify({ error_msg: 'denied', error_code: 'APIG.0301', request_id: echo }),
    }),
    'the X-Request-Id header': (echo) => ({ status: 500, body: '', headers: { 'X-Request-Id': echo } }),
    'error details': (echo) => ({
      status: 400,
      body: JSON.stringify({ error: { code: 'Ecs.0005', message: 'bad', details: [{ code: echo, message: echo }] } }),
    }),
    'an HTML error page title': (echo) => ({ status: 502, body: `<html><head><title>502 ${echo}</title></head></html>` }),
    'a 200 error envelope': (echo) => ({
      status: 200,
      body: JSON.stringify({ error_code: 'Common.0024', error_msg: `Flow limit exceeded for ${echo}` }),
    }),
    'a wrongly typed field of a 200': (echo) => ({
      status: 200,
      body: JSON.stringify({
        server: { id: 'srv-1', status: 'SHUTOFF', flavor: { id: 's3.large.2' }, locked: echo },
        job_id: 5,
        status: 7,
      }),
    }),
    'a key of a 200 body': (echo) => ({
      status: 200,
      body: JSON.stringify({
        server: { id: 'srv-1', status: 'SHUTOFF', flavor: { id: 's3.large.2' }, metadata: { [echo]: 5 } },
        [echo]: 1,
        status: { [echo]: 1 },
      }),
    }),
  };

  let baseUrl = '';
  const echoServer = createServer((request: IncomingMessage, response: ServerResponse) => {
    request.resume();
    const [, key = ''] = (request.url ?? '/').split('/');
    const echo = ['x-auth-token', 'x-security-token', 'authorization']
      .map((name) => request.headers[name])
      .filter(Boolean)
      .join(' ');
    const answer = ECHOES[decodeURIComponent(key)]?.(echo) ?? { status: 404, body: '' };
    response.writeHead(answer.status, {
      'Content-Type': answer.body.startsWith('<') ? 'text/html' : 'application/json',
      ...answer.headers,
    });
    response.end(answer.body);
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => echoServer.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(echoServer.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    echoServer.closeAllConnections();
    await new Promise<void>((resolve) => echoServer.close(() => resolve()));
  });

  const auths = {
    token: { token: SECRETS.token },
    'AK/SK with a security token': { accessKey: ACCESS_KEY, secretKey: SECRETS.secretKey, securityToken: SECRETS.securityToken },
  };

  for (const where of Object.keys(ECHOES)) {
    for (const [kind, auth] of Object.entries(auths)) {
      it(`${kind}: the server echoes the credentials in ${where} → no secret in the error`, async () => {
        const client = createEcsClient({
          endpoint: `${baseUrl}/${encodeURIComponent(where)}`,
          projectId: 'echo-project',
          auth,
          retry: 0,
        });
        const errors = await errorsOf([
          () => client.getServer('0c8a3f4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b'),
          () => client.getJob('job-1'),
          () => client.resize('0c8a3f4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b', 's3.xlarge.2'),
        ]);
        expect(errors).toHaveLength(3);
        expectNoSecrets(errors);
      });
    }
  }

  it('through the signing proxy: an echoing upstream leaks no secret to the browser side (responses and errors)', async () => {
    const projectId = '0b5e1f2a3c4d4e5f8a9b0c1d2e3f4a5b';
    const responses: [string, string][] = [];
    const errors: unknown[] = [];
    for (const where of Object.keys(ECHOES)) {
      const handler = createProxyHandler({
        endpoint: `${baseUrl}/${encodeURIComponent(where)}`,
        projectId,
        auth: { accessKey: ACCESS_KEY, secretKey: SECRETS.secretKey, securityToken: SECRETS.securityToken },
        basePath: '/ecs-proxy',
      });
      const client = createEcsClient({
        endpoint: 'http://console.example/ecs-proxy',
        projectId,
        retry: 0,
        fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
          const response = await handler(new Request(input, init));
          const text = await response.clone().text();
          responses.push([`proxy response (${where})`, `${response.status} ${inspect([...response.headers])} ${text}`]);
          return response;
        },
      });
      errors.push(
        ...(await errorsOf([
          () => client.getServer('6f1b3c2a-0d4e-4b7a-9c11-2a5e8f000006'),
          () => client.resize('6f1b3c2a-0d4e-4b7a-9c11-2a5e8f000006', 's3.xlarge.2'),
        ])),
      );
    }
    expect(responses.length).toBeGreaterThanOrEqual(Object.keys(ECHOES).length);
    expectNoSecrets(errors, responses);
  });
});
