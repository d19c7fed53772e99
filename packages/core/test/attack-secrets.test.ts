/**
 * Secrets never leak, in any form (issue 9, class 3): a hostile API on 127.0.0.1 echoes each
 * credential — token, secret key, security token, and a 4-character token — in every place a
 * string of a response reaches an error (error body, `X-Request-Id`, job `fail_reason`, sub-job
 * `errorcode_message`, job `status`, job id, server status, flavor id), in each encoding (as
 * it is, URL-encoded, JSON-escaped, base64, base64url). No error may show it: not `message`,
 * `String`, `JSON.stringify`, `util.inspect`, `stack`, nor any field, down the `cause` chain.
 */
import { createRuleEngine } from '@ecs-resize/rules';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createEcsClient,
  EcsApiError,
  JobFailedError,
  JobTimeoutError,
  PreflightError,
  redactSecrets,
  type EcsClient,
  type EcsClientOptions,
} from '../src/index.js';
import {
  jobIdOf,
  serverIdOf,
  startEchoingServer,
  TARGET_FLAVOR,
  type EchoingServer,
  type EchoScenario,
} from './echoing-server.js';
import { ATTACK_SECRETS, SECRET_ENCODINGS, type AttackSecretName } from './secret-forms.js';

/** The credentials that carry each secret. */
const AUTH: Record<AttackSecretName, EcsClientOptions['auth']> = {
  token: { token: ATTACK_SECRETS.token },
  secretKey: { accessKey: 'ATTACKSUITEAK0000001', secretKey: ATTACK_SECRETS.secretKey },
  securityToken: {
    accessKey: 'ATTACKSUITEAK0000001',
    secretKey: ATTACK_SECRETS.secretKey,
    securityToken: ATTACK_SECRETS.securityToken,
  },
  'a 4-character token': { token: ATTACK_SECRETS['a 4-character token'] },
};

/** An operation that must fail, with the error class it must fail with. */
interface Attack {
  readonly scenario: (echo: string, id: string) => EchoScenario;
  readonly run: (client: EcsClient, id: string) => Promise<unknown>;
  readonly errorClass: new (...args: never[]) => Error;
}

/** Fast polling: the echoing server answers at once. */
const POLL = { interval: 5, maxInterval: 5 } as const;

/** Each place a response may echo a secret, and the operation that turns it into an error. */
const PLACES: Record<string, Attack> = {
  'error body error_msg': {
    scenario: (echo) => ({ error: { status: 400, body: { error_code: 'Ecs.0114', error_msg: `bad: ${echo}` } } }),
    run: (client, id) => client.getServer(id),
    errorClass: EcsApiError,
  },
  'X-Request-Id header': {
    scenario: (echo) => ({
      error: {
        status: 404,
        body: { error_code: 'Ecs.0114', error_msg: 'not found' },
        headers: { 'X-Request-Id': `req-${echo}` },
      },
    }),
    run: (client, id) => client.getServer(id),
    errorClass: EcsApiError,
  },
  'job fail_reason': {
    scenario: (echo) => ({ jobs: [{ status: 'FAIL', error_code: 'Ecs.0001', fail_reason: `it failed: ${echo}` }] }),
    run: (client, id) => client.waitForJob(id, { ...POLL, timeout: 10_000 }),
    errorClass: JobFailedError,
  },
  'sub-job errorcode_message': {
    scenario: (echo) => ({
      jobs: [
        {
          status: 'FAIL',
          entities: { sub_jobs: [{ status: 'FAIL', error_code: 'Ecs.0001', entities: { errorcode_message: `sub: ${echo}` } }] },
        },
      ],
    }),
    run: (client, id) => client.waitForJob(id, { ...POLL, timeout: 10_000 }),
    errorClass: JobFailedError,
  },
  // An unknown status is taken as still running: the wait ends at its timeout, after polls.
  'job status': {
    scenario: (echo) => ({ jobs: [{ status: `S-${echo}` }] }),
    run: (client, id) => client.waitForJob(id, { ...POLL, timeout: 1500 }),
    errorClass: JobTimeoutError,
  },
  'job id': {
    scenario: (echo) => ({ jobs: [{ status: 'FAIL', job_id: `job-${echo}` }] }),
    run: (client, id) => client.waitForJob(id, { ...POLL, timeout: 10_000 }),
    errorClass: JobFailedError,
  },
  // The rules quote the server's status in their message (server-stopped).
  'server status': {
    scenario: (echo) => ({ server: { status: `S-${echo}` } }),
    run: (client, id) => client.resize(id, TARGET_FLAVOR, { preflight: createRuleEngine() }),
    errorClass: PreflightError,
  },
  // The rules list the flavors allowed when the target is not one (target-allowed).
  'flavor id': {
    scenario: (echo) => ({ resizeFlavor: { id: `f-${echo}`, name: `f-${echo}` } }),
    run: (client, id) => client.resize(id, TARGET_FLAVOR, { preflight: createRuleEngine() }),
    errorClass: PreflightError,
  },
};

/** Everything an error shows, by where it shows it, down its `cause` chain. */
function renderings(error: unknown): [string, string][] {
  const out: [string, string][] = [];
  for (let current = error, depth = 0; current !== undefined && depth < 10; depth += 1) {
    const at = `error${'.cause'.repeat(depth)}`;
    const own = current instanceof Error ? Object.fromEntries(Object.entries(current)) : {};
    out.push(
      [`String(${at})`, String(current)],
      [`inspect(${at})`, inspect(current, { showHidden: true, depth: 20 })],
      [`JSON.stringify(${at})`, JSON.stringify(current) ?? ''],
      [`${at}.stack`, current instanceof Error ? (current.stack ?? '') : ''],
      [`fields of ${at}`, inspect(own, { showHidden: true, depth: 20 })],
    );
    current = current instanceof Error ? current.cause : undefined;
  }
  return out;
}

const CASES = Object.keys(ATTACK_SECRETS).flatMap((secret) =>
  Object.keys(PLACES).flatMap((place) =>
    Object.keys(SECRET_ENCODINGS).map((encoding) => [secret as AttackSecretName, place, encoding] as const),
  ),
);

describe('secrets: every echo of a credential is masked in the errors', () => {
  let server: EchoingServer;
  beforeAll(async () => {
    server = await startEchoingServer();
  });
  afterAll(() => server.close());

  it('covers 4 secrets × 8 places × 5 encodings', () => {
    expect(CASES).toHaveLength(160);
  });

  // Concurrent: the job-status cases each wait out a timeout; the scenarios are keyed by id.
  describe.concurrent.each(Object.keys(ATTACK_SECRETS) as AttackSecretName[])('%s', (secretName) => {
    it.each(CASES.filter(([secret]) => secret === secretName))('%s echoed in the %s, %s', async (_, place, encoding) => {
      const secret = ATTACK_SECRETS[secretName];
      const echo = SECRET_ENCODINGS[encoding]!(secret);
      const attack = PLACES[place]!;
      const index = CASES.findIndex(([s, p, e]) => s === secretName && p === place && e === encoding);
      // A server id is a UUID and a job id 32 hex digits; both are looked up by the echoing server.
      const id = place.startsWith('job') ? jobIdOf(index) : serverIdOf(index);
      server.scenarios.set(id, attack.scenario(echo, id));
      const client = createEcsClient({ endpoint: server.url, projectId: server.projectId, auth: AUTH[secretName], retry: 0 });

      const error = await attack.run(client, id).then(
        () => expect.fail('the operation must fail'),
        (caught: unknown) => caught,
      );

      expect(error).toBeInstanceOf(attack.errorClass);
      const texts = renderings(error);
      // The echo reached the error (so the case can fail), and only as the mask.
      expect(
        texts.some(([, text]) => text.includes('[redacted]')),
        'the echo reached the error, masked',
      ).toBe(true);
      const leaks = texts.filter(([, text]) => text.includes(echo) || text.includes(secret)).map(([where]) => where);
      expect(leaks).toEqual([]);
    });
  });
});

describe('redactSecrets: the forms it masks, and what it leaves', () => {
  const secret = 'pa"ss\\wörd+/1';
  const cases: [string, string, readonly string[], string][] = [
    ['as it is', `x ${secret} y`, [secret], 'x [redacted] y'],
    ['URL-encoded, upper-case hex', `x ${encodeURIComponent(secret)} y`, [secret], 'x [redacted] y'],
    ['URL-encoded, lower-case hex', `x ${encodeURIComponent(secret).toLowerCase()} y`, [secret], 'x [redacted] y'],
    ['JSON-escaped', JSON.stringify({ a: secret }), [secret], '{"a":"[redacted]"}'],
    ['JSON-escaped twice', JSON.stringify(JSON.stringify({ a: secret })), [secret], '"{\\"a\\":\\"[redacted]\\"}"'],
    ['JSON with \\u escapes for non-ASCII', '"pa\\"ss\\\\w\\u00f6rd+/1"', [secret], '"[redacted]"'],
    ['HTML-escaped', '<p>pa&quot;ss\\wörd+/1</p>', [secret], '<p>[redacted]</p>'],
    ['base64 inside Basic credentials', `Basic ${btoa('user:abcd1234')}`, ['abcd1234'], 'Basic dXNlcjp[redacted]A=='],
    ['a 4-character secret', 'key=k3y! end', ['k3y!'], 'key=[redacted] end'],
    ['a 3-character secret is not masked', 'key=k3y end', ['k3y'], 'key=k3y end'],
    [
      'the user info of a URL, whatever the secrets',
      'at https://bob:hunter2@ecs.example.com/v1',
      [],
      'at https://[redacted]@ecs.example.com/v1',
    ],
    ['a URL without user info is left alone', 'at https://ecs.example.com/v1?a=b@c', [], 'at https://ecs.example.com/v1?a=b@c'],
    ['a secret inside the mask is not masked twice', 'dact', ['dact'], '[redacted]'],
  ];
  it.each(cases)('%s', (_, text, secrets, expected) => {
    expect(redactSecrets(text, secrets)).toBe(expected);
  });
});
