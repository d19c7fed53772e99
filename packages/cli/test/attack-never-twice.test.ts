/**
 * A resize is never sent twice through `ecs-resize fleet apply` (issue 9, class 1): two runs
 * on one journal (the lock), fleet files naming a server twice, journals cut by a crash, and
 * server-given strings in the command lines the CLI suggests. The CLI runs in process
 * (`runCli`) against the emulator over real HTTP on 127.0.0.1; one smoke test races two real
 * processes. Each case counts the resizes the emulator accepted.
 */
import { SERVERS, startEmulator, type Emulator } from '@ecs-resize/emulator';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startRewritingProxy, type RewritingProxy } from '../../core/test/rewriting-proxy.js';
import { InterruptedError } from '../src/errors/InterruptedError.js';
import { runCli } from '../src/index.js';
import { shellQuote } from '../src/output/shell-quote.js';
import { cli, expectNoSecrets, tokenEnv } from './helpers/cli.js';

/** A server and flavor the rules let through on the default data. */
const READY = { serverId: SERVERS.kvmStopped, flavorRef: 's3.xlarge.2' };
const OTHER = { serverId: SERVERS.kvmScsi, flavorRef: 'c6.xlarge.2' };
/** Above Linux's largest pid_max (2^22): no process has it, so `kill(pid, 0)` says ESRCH. */
const DEAD_PID = 4_194_305;
const FAST = ['--interval', '10', '--timeout', '10000'];

let directory: string;
let emulator: Emulator;
beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'ecs-resize-never-twice-'));
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));
beforeEach(async () => {
  emulator = await startEmulator({ jobDurationMs: 40 });
});
afterEach(() => emulator.close());

let files = 0;
/** Writes a new file in the test directory and returns its path. */
function file(name: string, content: string): string {
  files += 1;
  const path = join(directory, `${files}-${name}`);
  writeFileSync(path, content);
  return path;
}

/** A fleet file of `items`, and the paths of its journal and lock. */
function fleet(items: readonly object[]) {
  const path = file('fleet.json', JSON.stringify(items));
  const journal = `${path}.results.jsonl`;
  return { path, journal, lock: `${journal}.lock` };
}

/** Runs `ecs-resize ...argv` in process against the emulator (or `endpoint`). */
async function run(argv: readonly string[], options: { signal?: AbortSignal; endpoint?: string } = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: { ...tokenEnv(emulator), ...(options.endpoint ? { ECS_ENDPOINT: options.endpoint } : {}) },
    cwd: directory,
    signal: options.signal,
  });
  expectNoSecrets({ stdout, stderr });
  return { code, stdout, stderr, output: `${stdout}\n${stderr}` };
}

const apply = (path: string, options?: Parameters<typeof run>[1]) => run(['fleet', 'apply', path, ...FAST], options);
const resizes = () => emulator.state.resizeJobs.length;
const lockOf = (pid: number, host = hostname(), startedAt = '2026-01-01T00:00:00.000Z') =>
  JSON.stringify({ pid, host, startedAt });

/** Lock files another run left, and what `fleet apply` must do about each. */
const LOCKS: { name: string; lock: string; takeover?: boolean; code: number; says: RegExp; sends: 0 | 1 }[] = [
  {
    name: 'held by a running process of this host',
    lock: lockOf(process.pid),
    code: 2,
    says: new RegExp(`in use by another run: process ${process.pid}@\\S+, since 2026-01-01T00:00:00\\.000Z .*rm `),
    sends: 0,
  },
  { name: 'held on another host', lock: lockOf(1, 'build-7.example'), code: 2, says: /process 1@build-7\.example/, sends: 0 },
  { name: 'held on another host, by a pid dead here', lock: lockOf(DEAD_PID, 'other'), code: 2, says: /in use/, sends: 0 },
  { name: 'empty (a run between create and write)', lock: '', code: 2, says: /is not a lock \(unreadable\).*rm /, sends: 0 },
  { name: 'not JSON', lock: 'locked', code: 2, says: /is not a lock/, sends: 0 },
  {
    name: 'a pid that is not a number',
    lock: '{"pid":"1","host":"h","startedAt":"x"}',
    code: 2,
    says: /is not a lock/,
    sends: 0,
  },
  { name: 'pid 0 (kill(0) would mean the process group)', lock: lockOf(0), code: 2, says: /is not a lock/, sends: 0 },
  { name: 'JSON null', lock: 'null', code: 2, says: /is not a lock/, sends: 0 },
  {
    name: 'a host with an escape sequence, shown quoted',
    lock: lockOf(1, 'evil\u001b[2J\nhost'),
    code: 2,
    says: /process 1@\$'evil\\x1b\[2J\\x0ahost'/,
    sends: 0,
  },
  {
    name: 'stale: a dead pid of this host, taken over',
    lock: lockOf(DEAD_PID),
    code: 0,
    says: /Took over the stale lock/,
    sends: 1,
  },
  {
    name: 'stale, but another run is taking it over',
    lock: lockOf(DEAD_PID),
    takeover: true,
    code: 2,
    says: /Another run is taking over the stale lock/,
    sends: 0,
  },
];

describe('fleet apply locks its journal: one run at a time', () => {
  it.each(LOCKS)('a lock file $name', async ({ lock, takeover, code, says, sends }) => {
    const { path, lock: lockPath } = fleet([READY]);
    writeFileSync(lockPath, lock);
    if (takeover) writeFileSync(`${lockPath}.takeover`, lockOf(process.pid));
    const result = await run(['fleet', 'apply', path, ...FAST]);
    expect(result.code).toBe(code);
    expect(result.output).toMatch(says);
    expect(result.output).not.toContain('\u001b');
    expect(resizes()).toBe(sends);
    // A refusal leaves the other run's lock alone; a run that took the lock removes it.
    if (code === 2) expect(readFileSync(lockPath, 'utf8')).toBe(lock);
    else expect(existsSync(lockPath)).toBe(false);
  });

  it('two runs started at once on one journal send the resize once', async () => {
    const { path, lock } = fleet([READY, OTHER]);
    const results = await Promise.all([apply(path), apply(path)]);
    expect(results.map(({ code }) => code).sort()).toEqual([0, 2]);
    expect(results.find(({ code }) => code === 2)?.stderr).toContain(`process ${process.pid}@`);
    expect(resizes()).toBe(2);
    expect(existsSync(lock)).toBe(false);
  });

  it.each([
    ['it succeeds', () => [READY], undefined, 0],
    ['a journal line is bad', () => [READY], '{"bad": true}\n{"serverId":"x","flavorRef":"y","state":"sending","at":"t"}\n', 2],
    ['it is stopped with Ctrl-C (exit 130)', () => [READY], undefined, 130],
  ] as const)('the lock is released when %s', async (what, items, journalText, code) => {
    const { path, journal, lock } = fleet(items());
    if (journalText !== undefined) writeFileSync(journal, journalText);
    const controller = new AbortController();
    if (code === 130) controller.abort(new InterruptedError('SIGINT'));
    const result = await apply(path, { signal: controller.signal });
    expect(result.code).toBe(code);
    expect(existsSync(lock)).toBe(false);
    expect(resizes()).toBe(code === 0 ? 1 : 0);
  });
});

/** Fleet files that name a server twice, and the ids the refusal must name. */
const DUPLICATES: [string, string, string, string[]][] = [
  ['JSON: the same server and flavor', 'fleet.json', JSON.stringify([READY, READY]), [READY.serverId]],
  [
    'JSON: two flavors for one server',
    'fleet.json',
    JSON.stringify([READY, { ...READY, flavorRef: 's3.2xlarge.2' }]),
    [READY.serverId],
  ],
  [
    'JSON: the id once in capitals',
    'fleet.json',
    JSON.stringify([READY, { ...READY, serverId: READY.serverId.toUpperCase() }]),
    [READY.serverId],
  ],
  [
    'JSON: two servers, each twice',
    'fleet.json',
    JSON.stringify([READY, OTHER, OTHER, READY]),
    [`${READY.serverId} (items 1, 4)`, `${OTHER.serverId} (items 2, 3)`],
  ],
  [
    'CSV: the same line twice',
    'fleet.csv',
    `serverId,flavorRef\n${READY.serverId},${READY.flavorRef}\n${READY.serverId},${READY.flavorRef}\n`,
    [READY.serverId],
  ],
  [
    'CSV: quoted and with spaces',
    'fleet.csv',
    `serverId,flavorRef\n${READY.serverId},s3.xlarge.2\n" ${READY.serverId} ",s3.2xlarge.2\n`,
    [READY.serverId],
  ],
];

describe('a fleet file naming a server twice is refused before anything is sent (exit 2)', () => {
  it.each(
    DUPLICATES.flatMap(([name, ...rest]) => (['plan', 'apply'] as const).map((command) => [command, name, ...rest] as const)),
  )('fleet %s, %s', async (command, _, name, content, named) => {
    const path = file(name, content);
    const result = await run(['fleet', command, path]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/more than once: .*keep one item per server\. Nothing was sent\./);
    for (const text of named) expect(result.stderr).toContain(text);
    expect(emulator.state.countRequests()).toBe(0);
    expect(existsSync(`${path}.results.jsonl`)).toBe(false);
  });
});

describe('fleet apply resumes from its journal and never sends what it says was sent', () => {
  const line = (state: string, extra: object = {}) => `${JSON.stringify({ ...READY, state, at: 't', ...extra })}\n`;

  it.each([
    [
      'sending, then a record cut by a crash',
      `${line('sending')}{"serverId":"${READY.serverId}","sta`,
      3,
      /cut short by a crash/,
    ],
    ['sending, whose last record lacks its newline', line('sending').trimEnd(), 3, /1 uncertain/],
    ['succeeded', line('succeeded', { jobId: 'ff80' }), 0, /1 skipped/],
    ['failed (reported again, exit 4)', line('failed', { jobId: 'ff80' }), 4, /1 failed/],
    ['submitted to an unknown job (pending, exit 4)', line('submitted', { jobId: 'ff80' }), 4, /1 pending/],
    [
      'succeeded, to another flavor: refused (exit 2)',
      line('succeeded', { flavorRef: 's3.2xlarge.2' }),
      2,
      /resize it again with a new journal/,
    ],
  ])('a journal whose last record says %s', async (_, journalText, code, says) => {
    const { path, journal } = fleet([READY]);
    writeFileSync(journal, journalText);
    const result = await apply(path);
    expect(result.code).toBe(code);
    expect(result.output).toMatch(says);
    expect(resizes()).toBe(0);
  });
});

/** Strings a server (or a journal) could hand the CLI, which it may put into a command line. */
const HOSTILE_WORDS: string[] = [
  '../x',
  'a b',
  '$(rm -rf /)',
  '`id`',
  ';',
  'a;reboot',
  '"',
  "it's",
  'x\ny',
  '\u001b[2J\u001b]0;owned\u0007',
  '\u202eexe.txt',
  'tab\there',
  '*',
  '',
  'a'.repeat(10 * 1024),
];

describe('server-given strings in suggested command lines are quoted', () => {
  it.each(HOSTILE_WORDS.map((word) => [JSON.stringify(word).slice(0, 40), word]))(
    'shellQuote(%s) is one shell word, shown without control characters',
    (_, word) => {
      const quoted = shellQuote(word);
      expect(quoted).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e]/u);
      const echoed = execFileSync('bash', ['-c', `printf %s ${quoted}`], { encoding: 'utf8' });
      expect(echoed).toBe(word);
    },
  );

  it.each([['plain-id.1_2', 'plain-id.1_2']])('a plain id stays as it is: %s', (word, quoted) => {
    expect(shellQuote(word)).toBe(quoted);
  });

  describe('resize with a hostile job id in the answer', () => {
    let proxy: RewritingProxy | undefined;
    afterEach(async () => {
      await proxy?.close();
      proxy = undefined;
    });

    it.each([['$(rm -rf /)'], ['a b'], ['\u001b[2J'], ['x\nFollow it with: ecs-resize job evil --wait']])(
      'job_id %j: exit 3, may have taken effect, no command line suggested',
      async (jobId) => {
        proxy = await startRewritingProxy(emulator.url, { job_id: jobId });
        const result = await run(['resize', READY.serverId, READY.flavorRef], { endpoint: proxy.url });
        expect(result.code).toBe(3);
        expect(result.stderr).toContain('may have taken effect');
        expect(result.output).not.toContain(jobId);
        expect(result.output).not.toContain('Follow it with');
        expect(result.output).not.toContain('\u001b');
        expect(proxy.posts()).toBe(1);
        expect(resizes()).toBe(1);
      },
    );
  });
});

describe('smoke: two ecs-resize processes at once on one journal', () => {
  it('send the resize once', async () => {
    const { path, lock } = fleet([READY]);
    const env = tokenEnv(emulator);
    const results = await Promise.all([cli(['fleet', 'apply', path, ...FAST], env), cli(['fleet', 'apply', path, ...FAST], env)]);
    // The second either found the lock held (2) or, if the first was done, the journal (0).
    for (const { code } of results) expect([0, 2]).toContain(code);
    expect(resizes()).toBe(1);
    expect(existsSync(lock)).toBe(false);
  });
});
