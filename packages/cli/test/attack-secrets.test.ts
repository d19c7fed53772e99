/**
 * Secrets never leak and the API never drives the terminal (issue 9, class 3), through the
 * whole CLI (`runCli`, as the binary runs it) against a hostile API on 127.0.0.1:
 *
 * 1. each credential — token, secret key, security token, a 4-character token — echoed in each
 *    place (error body, `X-Request-Id`, job `fail_reason`, sub-job `errorcode_message`, job
 *    `status`, job id, server name, flavor name) and each encoding never shows in stdout or
 *    stderr, for people or `--json`, nor in the fleet journal;
 * 2. control and escape sequences in those places never reach the terminal, while the CLI's
 *    own colours do;
 * 3. `ecs-resize config` never shows an endpoint's `user:password@`;
 * 4. the built binary does the same on the process's own streams.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  jobIdOf,
  serverIdOf,
  startEchoingServer,
  TARGET_FLAVOR,
  type EchoingServer,
  type EchoScenario,
} from '../../core/test/echoing-server.js';
import { runCli } from '../src/index.js';
import { BIN } from './helpers/cli.js';
import { ATTACK_SECRETS, SECRET_ENCODINGS, secretForms, type AttackSecretName } from '../../core/test/secret-forms.js';

/** The environment variables that carry each secret. */
const CREDENTIALS: Record<AttackSecretName, Record<string, string>> = {
  token: { OS_AUTH_TOKEN: ATTACK_SECRETS.token },
  secretKey: { HW_ACCESS_KEY: 'ATTACKSUITEAK0000001', HW_SECRET_KEY: ATTACK_SECRETS.secretKey },
  securityToken: {
    HW_ACCESS_KEY: 'ATTACKSUITEAK0000001',
    HW_SECRET_KEY: ATTACK_SECRETS.secretKey,
    HW_SECURITY_TOKEN: ATTACK_SECRETS.securityToken,
  },
  'a 4-character token': { OS_AUTH_TOKEN: ATTACK_SECRETS['a 4-character token'] },
};

/** Fast polling: the echoing server answers at once. */
const WAIT = ['--interval', '5', '--timeout', '10000'];

/** A place an API answer may echo a string in, and the command that shows it. */
interface Place {
  /** The scenario of the server id and job id of a case. */
  readonly scenario: (echo: string) => EchoScenario;
  /** The command line, for the case's server and job. */
  readonly command: (serverId: string, jobId: string) => string[];
  /** Whether `fleet apply` also meets it (a job place): its journal is checked too. */
  readonly inFleet: boolean;
  /** The job id the resize answers `fleet apply` with, when it is the echo itself. */
  readonly resizeJobId?: (echo: string) => string;
}

const PLACES: Record<string, Place> = {
  'error body error_msg': {
    scenario: (echo) => ({ error: { status: 400, body: { error_code: 'Ecs.0114', error_msg: `bad: ${echo}` } } }),
    command: (serverId) => ['flavors', serverId],
    inFleet: false,
  },
  'X-Request-Id header': {
    scenario: (echo) => ({
      error: {
        status: 404,
        body: { error_code: 'Ecs.0114', error_msg: 'not found' },
        headers: { 'X-Request-Id': `req-${echo}` },
      },
    }),
    command: (serverId) => ['flavors', serverId],
    inFleet: false,
  },
  'job fail_reason': {
    scenario: (echo) => ({ jobs: [{ status: 'FAIL', error_code: 'Ecs.0001', fail_reason: `it failed: ${echo}` }] }),
    command: (_, jobId) => ['job', jobId],
    inFleet: true,
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
    command: (_, jobId) => ['job', jobId],
    inFleet: true,
  },
  // An unknown status is taken as still running: the progress line shows it, then the job fails.
  'job status': {
    scenario: (echo) => ({ jobs: [{ status: `S-${echo}` }, { status: 'FAIL' }] }),
    command: (_, jobId) => ['job', jobId, '--wait', ...WAIT],
    inFleet: true,
  },
  'job id': {
    scenario: (echo) => ({ jobs: [{ status: 'FAIL', job_id: `job-${echo}` }] }),
    command: (_, jobId) => ['job', jobId],
    inFleet: true,
    // The journal keeps the job id: a valid one (the base64url echo) is stored as it came.
    resizeJobId: (echo) => echo,
  },
  'server name': {
    scenario: (echo) => ({ server: { name: `web-${echo}` } }),
    command: (serverId) => ['flavors', serverId],
    inFleet: false,
  },
  'flavor name': {
    scenario: (echo) => ({ resizeFlavor: { id: `f-${echo}`, name: `f-${echo}` } }),
    command: (serverId) => ['flavors', serverId],
    inFleet: false,
  },
};

/** What one run of the CLI wrote. */
interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in this process with exactly `env`, its streams captured (a terminal when `tty`). */
async function run(args: readonly string[], env: Record<string, string>, cwd: string, tty = false): Promise<Run> {
  let [stdout, stderr] = ['', ''];
  const code = await runCli(args, {
    stdout: { isTTY: tty, write: (text: string) => (stdout += text) },
    stderr: { isTTY: tty, write: (text: string) => (stderr += text) },
    env,
    cwd,
  });
  return { code, stdout, stderr };
}

/** Runs `fleet apply` on one item, the server `serverId`, and returns the run and its journal. */
async function fleetApply(serverId: string, env: Record<string, string>, cwd: string): Promise<Run & { journal: string }> {
  const fleet = join(cwd, 'fleet.json');
  writeFileSync(fleet, JSON.stringify([{ serverId, flavorRef: TARGET_FLAVOR }]));
  const result = await run(['fleet', 'apply', fleet, ...WAIT], env, cwd);
  return { ...result, journal: readFileSync(`${fleet}.results.jsonl`, 'utf8') };
}

let server: EchoingServer;
let cwd: string;
beforeAll(async () => {
  server = await startEchoingServer();
  cwd = mkdtempSync(join(tmpdir(), 'ecs-resize-attack-secrets-'));
});
afterAll(async () => {
  await server.close();
  rmSync(cwd, { recursive: true, force: true });
});

/** The environment of the echoing server, with the credentials of `secret`. */
const envOf = (secret: AttackSecretName): Record<string, string> => ({
  ECS_ENDPOINT: server.url,
  HW_PROJECT_ID: server.projectId,
  ...CREDENTIALS[secret],
});

const CASES = Object.keys(ATTACK_SECRETS).flatMap((secret) =>
  Object.keys(PLACES).flatMap((place) =>
    Object.keys(SECRET_ENCODINGS).map((encoding) => [secret as AttackSecretName, place, encoding] as const),
  ),
);

describe('secrets: an echoed credential never shows, in any output', () => {
  it('covers 4 secrets × 8 places × 5 encodings', () => {
    expect(CASES).toHaveLength(160);
  });

  it.each(CASES)('%s echoed in the %s, %s', async (secretName, place, encoding) => {
    const secret = ATTACK_SECRETS[secretName];
    const echo = SECRET_ENCODINGS[encoding]!(secret);
    const { scenario, command, inFleet, resizeJobId } = PLACES[place]!;
    const index = CASES.findIndex(([s, p, e]) => s === secretName && p === place && e === encoding);
    const [serverId, jobId] = [serverIdOf(1000 + index), jobIdOf(1000 + index)];
    server.scenarios.set(serverId, { ...scenario(echo), jobId });
    server.scenarios.set(jobId, scenario(echo));
    const env = envOf(secretName);
    const caseDir = mkdtempSync(join(cwd, 'case-'));

    const outputs: [string, string][] = [];
    for (const json of [false, true]) {
      const { stdout, stderr } = await run([...command(serverId, jobId), ...(json ? ['--json'] : [])], env, caseDir);
      outputs.push([`stdout${json ? ' --json' : ''}`, stdout], [`stderr${json ? ' --json' : ''}`, stderr]);
    }
    if (inFleet) {
      const fleetJobId = resizeJobId?.(echo) ?? jobId;
      server.scenarios.set(serverId, { ...scenario(echo), jobId: fleetJobId });
      server.scenarios.set(fleetJobId, scenario(echo));
      server.polls.delete(fleetJobId);
      const { stdout, stderr, journal } = await fleetApply(serverId, env, caseDir);
      expect(journal, 'fleet apply sent the resize').toContain('"state":"sending"');
      outputs.push(['fleet apply stdout', stdout], ['fleet apply stderr', stderr], ['the journal', journal]);
    }

    // The echo reached the output (so the case can fail), and only as the mask.
    expect(
      outputs.some(([, text]) => text.includes('[redacted]')),
      'the echo reached the output, masked',
    ).toBe(true);
    const leaks = outputs.flatMap(([where, text]) =>
      [echo, ...secretForms(secret)].filter((form) => text.includes(form)).map((form) => `${form} in ${where}`),
    );
    expect(leaks).toEqual([]);
  });
});

/** Hostile text a terminal would act on, each between the markers `AAA` and `ZZZ`. */
const HOSTILE: Record<string, string> = {
  'OSC window title, BEL': '\u001b]0;pwned\u0007',
  'OSC window title, ST': '\u001b]2;pwned\u001b\\',
  'OSC 8 hyperlink': '\u001b]8;;https://evil.example\u001b\\link\u001b]8;;\u001b\\',
  'CSI clear screen': '\u001b[2J\u001b[H',
  'CSI cursor up and erase line': '\u001b[1A\u001b[2K',
  'carriage return and erase line (the CLI’s own rewrite)': '\r\u001b[2K',
  'SGR red (a colour the CLI uses)': '\u001b[31m',
  'SGR conceal': '\u001b[8m',
  'DCS string': '\u001bPq#0;2;0;0;0\u001b\\',
  'lone ESC and BEL': '\u001b\u0007',
  'newline: a fake line': '\n✔ ready: every rule passed\n',
  backspaces: '\b\b\b',
  DEL: '\u007f',
  'C1 CSI (8-bit)': '\u009b2J',
  'C1 OSC (8-bit)': '\u009d0;pwned\u009c',
  'bidi override': '\u202egnp.exe',
  'bidi isolate': '\u2066x\u2069',
};

/** The places a string from the API is shown, with the command that shows it. */
const SHOWN: Record<string, Pick<Place, 'scenario' | 'command'>> = {
  'server name': PLACES['server name']!,
  'flavor name': PLACES['flavor name']!,
  'error body error_msg': PLACES['error body error_msg']!,
  'job fail_reason': PLACES['job fail_reason']!,
  'job status (progress line)': PLACES['job status']!,
};

/** The CLI's own codes: its colours and the line rewrite of a live progress line. */
const OWN_CODES = /\u001b\[(?:1|2|22|31|32|33|36|39)m|\r\u001b\[2K/g;

/** Any character a terminal acts on, or that reorders text: every control but the newline, DEL, C1, bidi marks. */
const ACTIVE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

const TERMINAL_CASES = Object.keys(HOSTILE).flatMap((hostile) =>
  Object.keys(SHOWN).flatMap((place) => (['terminal', 'pipe', '--json'] as const).map((mode) => [hostile, place, mode] as const)),
);

describe('control and escape sequences from the API never reach the terminal', () => {
  it('covers 17 hostile strings × 5 places × 3 outputs', () => {
    expect(TERMINAL_CASES).toHaveLength(255);
  });

  it.each(TERMINAL_CASES)('%s in the %s, to a %s', async (hostile, place, mode) => {
    const index = TERMINAL_CASES.findIndex(([h, p, m]) => h === hostile && p === place && m === mode);
    const [serverId, jobId] = [serverIdOf(5000 + index), jobIdOf(5000 + index)];
    const { scenario, command } = SHOWN[place]!;
    const text = `AAA${HOSTILE[hostile]}ZZZ`;
    server.scenarios.set(serverId, scenario(text));
    server.scenarios.set(jobId, scenario(text));
    const args = [...command(serverId, jobId), ...(mode === '--json' ? ['--json'] : [])];
    // `NO_COLOR` unset: on a terminal the CLI colours its output.
    const { stdout, stderr } = await run(args, { ...envOf('token') }, cwd, mode === 'terminal');
    const output = `${stdout}\n${stderr}`;

    // The string reached the output (so the case can fail), on one line, and between its
    // markers nothing is left that a terminal acts on: no escape, no control, no bidi mark.
    const between = [...output.matchAll(/AAA([^\n]*?)ZZZ/g)].map((match) => match[1]!);
    expect(between.length).toBeGreaterThan(0);
    for (const shownText of between) {
      expect(shownText).not.toMatch(/\u001b/);
      expect(ACTIVE.exec(shownText)).toBeNull();
    }
    // Nor anywhere else: only the CLI's own codes remain.
    expect(ACTIVE.exec(output.replace(OWN_CODES, ''))).toBeNull();
    // The JSON document holds the exact string, escaped.
    if (mode === '--json' && stdout.includes('AAA')) {
      expect(JSON.stringify(JSON.parse(stdout))).toContain(JSON.stringify(text).slice(1, -1));
    }
    // The CLI's own colours survive on a terminal.
    if (mode === 'terminal') expect(output).toMatch(/\u001b\[(?:1|31|32|33|36)m/);
  });
});

describe('ecs-resize config never shows an endpoint’s user info', () => {
  const endpoints = [
    ['a user and a password', 'https://alice:hunter2-secret@ecs.example.com', 'hunter2-secret'],
    ['a user alone', 'https://alice-the-admin@ecs.example.com', 'alice-the-admin'],
    ['a percent-encoded password', 'https://alice:p%40ss%3Aw0rd@ecs.example.com', 'p%40ss%3Aw0rd'],
    ['the token as the password', `https://u:${encodeURIComponent(ATTACK_SECRETS.token)}@ecs.example.com`, ATTACK_SECRETS.token],
  ] as const;
  const cases = endpoints.flatMap(([name, endpoint, secret]) =>
    (['ECS_ENDPOINT', '--endpoint'] as const).flatMap((via) =>
      [false, true].map((json) => [name, via, json ? '--json' : 'text', endpoint, secret] as const),
    ),
  );

  it.each(cases)('%s, from %s, as %s', async (_, via, format, endpoint, secret) => {
    const env = { HW_PROJECT_ID: 'p1', ...CREDENTIALS.token, ...(via === 'ECS_ENDPOINT' ? { ECS_ENDPOINT: endpoint } : {}) };
    const args = [
      'config',
      ...(via === '--endpoint' ? ['--endpoint', endpoint] : []),
      ...(format === '--json' ? ['--json'] : []),
    ];
    const { code, stdout, stderr } = await run(args, env, cwd);
    expect(code).toBe(0);
    expect(stdout).toContain('[redacted]@ecs.example.com');
    for (const form of secretForms(secret)) expect(`${stdout}\n${stderr}`).not.toContain(form);
  });
});

describe('the built binary: the same masking and sanitizing on process.stdout and process.stderr', () => {
  /** Each place once, the token echoed as it is, with OSC title sequences (7-bit and 8-bit) beside it. */
  const cases = Object.keys(PLACES).flatMap((place) => [false, true].map((json) => [place, json ? '--json' : 'text'] as const));

  it.each(cases)('the token and title sequences echoed in the %s, as %s', async (place, format) => {
    const index = cases.findIndex(([p, f]) => p === place && f === format);
    const [serverId, jobId] = [serverIdOf(9000 + index), jobIdOf(9000 + index)];
    const { scenario, command } = PLACES[place]!;
    // A header cannot hold ESC or BEL, but it can hold C1 controls (read as Latin-1): an 8-bit OSC.
    const osc8Bit = '\u009d0;pwned\u009c';
    const echo = `${ATTACK_SECRETS.token}${place === 'X-Request-Id header' ? '' : '\u001b]0;pwned\u0007'}${osc8Bit}`;
    server.scenarios.set(serverId, scenario(echo));
    server.scenarios.set(jobId, scenario(echo));
    const args = [...command(serverId, jobId), ...(format === '--json' ? ['--json'] : [])];
    const { stdout, stderr } = await new Promise<{ stdout: string; stderr: string }>((resolve) =>
      execFile(process.execPath, [BIN, ...args], { env: envOf('token'), cwd, encoding: 'utf8' }, (_, out, err) =>
        resolve({ stdout: out, stderr: err }),
      ),
    );
    const output = `${stdout}\n${stderr}`;
    expect(output).toContain('[redacted]');
    for (const form of secretForms(ATTACK_SECRETS.token)) expect(output).not.toContain(form);
    expect(output).not.toMatch(/[\u001b\u0007\u009c\u009d]/);
  });
});
