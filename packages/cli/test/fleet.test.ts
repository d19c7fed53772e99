import { DEFAULT_TOKEN, fleetData, startEmulator, type Emulator } from '@ecs-resize/emulator';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { cli, spawnCli, tokenEnv } from './helpers/cli.js';

/** 42 servers: the 14 seeded kinds, three times over (server i is of kind i % 14). */
const DATA = fleetData(42);
const ids = DATA.servers.map((server) => server.id);
const id = (index: number) => ids[index] ?? '';

/** Kinds 0-4 are Xen (to KVM, drivers confirmed), 5-13 KVM (to a larger KVM flavor). */
const itemFor = (index: number) =>
  index % 14 < 5
    ? { serverId: id(index), flavorRef: 's3.large.2', confirmations: { xenToKvmDrivers: true } }
    : { serverId: id(index), flavorRef: 's3.xlarge.2' };

let directory: string;
beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'ecs-resize-fleet-'));
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** Writes a file in the test directory and returns its path. */
function file(name: string, content: string): string {
  const path = join(directory, name);
  writeFileSync(path, content);
  return path;
}

/** A journal line cut short by a crash. */
const TORN_LINE = '{"serverId":"torn';

/** The journal's entries. */
const journalOf = (path: string) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { serverId: string; state: string; jobId?: string });

interface PlanJson {
  items: { item: { serverId: string }; status: string; error?: { name: string; status?: number } }[];
  summary: { total: number; ready: number; blocked: number; errors: number; blockedByRule: Record<string, number> };
}

describe.concurrent('fleet plan', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ data: DATA });
  });
  afterAll(() => emulator?.close());

  const items = [
    ...ids.map((_, index) => itemFor(index)),
    { serverId: '6f1b3c2a-0d4e-4b7a-9c11-2a5e8f0000ff', flavorRef: 's3.large.2' },
  ];
  const summary = {
    total: 43,
    ready: 15,
    blocked: 27,
    errors: 1,
    blockedByRule: {
      'server-stopped': 9,
      'xen-vbd-limit': 3,
      'no-frozen-server': 3,
      'no-locked-server': 3,
      'no-spot-server': 3,
      // These items carry no autoPay: yearly/monthly servers are blocked (fleet-request-facts.test.ts sets it).
      'prepaid-auto-pay': 3,
      'no-expanding-disk': 3,
    },
  };

  it('plans a JSON fleet: one line per item, then the counts; exit 3 for the unknown server', async () => {
    const { code, stdout } = await cli(['fleet', 'plan', file('fleet.json', JSON.stringify(items))], tokenEnv(emulator));
    expect(code).toBe(3);
    expect(stdout).toMatch(/^Status +Server +Flavor +Blocked by \/ error\n/);
    expect(stdout).toMatch(new RegExp(`ready +${id(2)} +s3\\.large\\.2\\n`));
    expect(stdout).toMatch(new RegExp(`blocked +${id(4)} +s3\\.large\\.2 +xen-vbd-limit\\n`));
    expect(stdout).toMatch(/error +6f1b3c2a-0d4e-4b7a-9c11-2a5e8f0000ff +s3\.large\.2 +ECS API error Ecs\.0114 \(HTTP 404\)/);
    expect(stdout).toContain('43 items: 15 ready, 27 blocked, 1 error\nblocked by rule: server-stopped 9, xen-vbd-limit 3,');
    expect(emulator.state.resizeJobs).toEqual([]);
  });

  it('plans the same fleet from CSV, and prints the plan as JSON', async () => {
    const rows = items.map((item) => `${item.serverId},${item.flavorRef},${'confirmations' in item ? 'xen-to-kvm-drivers' : ''}`);
    const csv = file('fleet.csv', `serverId,flavorRef,confirm\r\n${rows.join('\r\n')}\r\n\r\n`);
    const { code, stdout } = await cli(['fleet', 'plan', csv, '--json', '--concurrency', '16'], tokenEnv(emulator));
    expect(code).toBe(3);
    const plan = JSON.parse(stdout) as PlanJson;
    expect(plan.summary).toEqual(summary);
    expect(plan.items.map((itemPlan) => itemPlan.item.serverId)).toEqual(items.map((item) => item.serverId));
    expect(plan.items.at(-1)).toMatchObject({ status: 'error', error: { name: 'EcsApiError', status: 404 } });
  });

  it('exits with 1 when items are blocked and none failed, and 2 for an invalid item', async () => {
    const blocked = await cli(
      ['fleet', 'plan', file('blocked.json', JSON.stringify([itemFor(2), itemFor(1)]))],
      tokenEnv(emulator),
    );
    expect(blocked.code).toBe(1);
    const invalid = await cli(
      ['fleet', 'plan', file('invalid.json', JSON.stringify([itemFor(2), { serverId: 'a/b', flavorRef: 's3.large.2' }]))],
      tokenEnv(emulator),
    );
    expect(invalid.code).toBe(2);
    expect(invalid.stdout).toMatch(/error +a\/b +s3\.large\.2 +Invalid input: items\.\d+\.serverId: /);
  });

  it.each([
    {
      name: 'a CSV without the header',
      file: 'no-header.csv',
      content: `${id(2)},s3.large.2\n`,
      message: /the first line must name the columns serverId,flavorRef/,
    },
    {
      name: 'a CSV line with a missing field',
      file: 'short-line.csv',
      content: `serverId,flavorRef,confirm\n${id(2)},s3.large.2\n`,
      message: /line 2: 2 fields, the header has 3/,
    },
    {
      name: 'an unknown confirmation',
      file: 'bad-confirm.csv',
      content: `serverId,flavorRef,confirm\n${id(2)},s3.large.2,drivers\n`,
      message: /line 2: unknown confirmation "drivers"/,
    },
  ])('refuses $name with exit code 2', async ({ file: name, content, message }) => {
    const { code, stderr } = await cli(['fleet', 'plan', file(name, content)], tokenEnv(emulator));
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('refuses a file that is neither JSON nor CSV, or is missing', async () => {
    expect((await cli(['fleet', 'plan', file('fleet.txt', '')], tokenEnv(emulator))).stderr).toMatch(
      /a fleet file is \.json or \.csv/,
    );
    const missing = await cli(['fleet', 'plan', join(directory, 'missing.json')], tokenEnv(emulator));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/missing\.json: cannot read the fleet file: ENOENT/);
  });
});

describe.concurrent('fleet apply', () => {
  let emulator: Emulator;
  let env: Record<string, string>;
  beforeAll(async () => {
    emulator = await startEmulator({ data: DATA, jobDurationMs: 300 });
    env = tokenEnv(emulator);
  });
  afterAll(() => emulator?.close());

  /** The resize jobs the emulator accepted for a server. */
  const jobsOf = (serverId: string) => emulator.state.resizeJobs.filter((job) => job.serverId === serverId);
  const FAST = ['--interval', '100'];

  it('resizes the ready items, journals every step, and a re-run skips what is done', async () => {
    const input = file('apply.json', JSON.stringify([itemFor(16), itemFor(19), itemFor(21), itemFor(20)]));
    const first = await cli(['fleet', 'apply', input, ...FAST], env);
    expect(first.code).toBe(1); // item 20 (a running server) is blocked
    expect(first.stdout).toMatch(new RegExp(`blocked +${id(20)} +s3\\.xlarge\\.2 +server-stopped`));
    expect(first.stdout).toMatch(new RegExp(`submitted  ${id(16)} → s3\\.large\\.2  job \\w+`));
    expect(first.stdout).toContain(
      '3 succeeded, 0 failed, 0 blocked, 0 errors, 0 uncertain, 0 pending (re-run to wait again), 0 skipped (done before)',
    );
    const journal = `${input}.results.jsonl`;
    expect(
      journalOf(journal)
        .filter((entry) => entry.serverId === id(19))
        .map((entry) => entry.state),
    ).toEqual(['sending', 'submitted', 'succeeded']);
    expect(journalOf(journal)).toHaveLength(9);
    expect([16, 19, 21, 20].map((index) => jobsOf(id(index)).length)).toEqual([1, 1, 1, 0]);

    const again = await cli(['fleet', 'apply', input, '--json', ...FAST], env);
    expect(again.code).toBe(1);
    expect(JSON.parse(again.stdout)).toMatchObject({ journal, summary: { succeeded: 0, skipped: 3 } });
    expect([16, 19, 21].map((index) => jobsOf(id(index)).length)).toEqual([1, 1, 1]);
  });

  it('resumes from a journal: waits for submitted jobs, skips succeeded ones, never re-sends a `sending` one', async () => {
    const [a, b, c, d] = [30, 33, 35, 31];
    // A was submitted before the "crash": its job is real.
    const response = await fetch(`${emulator.url}/v1/${emulator.projectId}/cloudservers/${id(a)}/resize`, {
      method: 'POST',
      headers: { 'X-Auth-Token': DEFAULT_TOKEN, 'Content-Type': 'application/json' },
      body: JSON.stringify({ resize: { flavorRef: 's3.large.2' } }),
    });
    const { job_id: jobId } = (await response.json()) as { job_id: string };
    const at = new Date().toISOString();
    const journal = join(directory, 'resume.jsonl');
    const entry = (index: number, state: string, extra = {}) =>
      JSON.stringify({ ...itemFor(index), confirmations: undefined, state, ...extra, at });
    writeFileSync(
      journal,
      [
        entry(a, 'sending'),
        entry(a, 'submitted', { jobId }),
        entry(b, 'succeeded', { jobId: 'done-before' }),
        entry(c, 'sending'),
      ].join('\n') + `\n${TORN_LINE}`,
    );
    const input = file(
      'resume.csv',
      [
        'serverId,flavorRef,confirm',
        ...[a, b, c, d].map((index) => `${id(index)},${itemFor(index).flavorRef},xen-to-kvm-drivers`),
      ].join('\n'),
    );
    const jobsPerServer = () => [a, b, c, d].map((index) => jobsOf(id(index)).length);

    const { code, stdout, stderr } = await cli(['fleet', 'apply', input, '--journal', journal, ...FAST], env);
    expect(code).toBe(3); // one uncertain item
    expect(stderr).toContain(`The last line of ${journal} was cut short by a crash; it is removed.`);
    expect(stdout).toContain('3 items resumed from the journal');
    expect(stdout).toContain(
      '2 succeeded, 0 failed, 0 blocked, 0 errors, 1 uncertain, 0 pending (re-run to wait again), 1 skipped (done before)',
    );
    expect(stdout).toMatch(
      new RegExp(
        `1 uncertain: the resize may or may not have been sent[\\s\\S]*Check each server[\\s\\S]*  ${id(c)} → s3\\.xlarge\\.2`,
      ),
    );
    // Only D was sent (A's one job is the one from before the "crash").
    expect(jobsPerServer()).toEqual([1, 0, 0, 1]);
    const entries = journalOf(journal).slice(4);
    expect(entries.map((item) => `${item.serverId === id(a) ? 'A' : 'D'}:${item.state}`).sort()).toEqual([
      'A:succeeded',
      'D:sending',
      'D:submitted',
      'D:succeeded',
    ]);
    expect(entries.find((item) => item.serverId === id(a))?.jobId).toBe(jobId);

    // The torn line is gone: a third run reads the journal and sends nothing.
    const third = await cli(['fleet', 'apply', input, '--journal', journal, ...FAST], env);
    expect(third.code).toBe(3);
    expect(third.stdout).toContain(
      '0 succeeded, 0 failed, 0 blocked, 0 errors, 1 uncertain, 0 pending (re-run to wait again), 3 skipped (done before)',
    );
    expect(jobsPerServer()).toEqual([1, 0, 0, 1]);
  });

  it('after a real crash (SIGKILL while waiting), a re-run sends nothing again and finishes', async () => {
    // Jobs long enough to be killed while waiting for them.
    const slow = await startEmulator({ data: DATA, jobDurationMs: 1500 });
    const jobsOf = (serverId: string) => slow.state.resizeJobs.filter((job) => job.serverId === serverId);
    const env = tokenEnv(slow);
    onTestFinished(() => slow.close());
    const input = file('crash.json', JSON.stringify([itemFor(2), itemFor(5), itemFor(7)]));
    const run = spawnCli(['fleet', 'apply', input, '--interval', '5000'], env);
    await run.waitFor(/(submitted .*\n[\s\S]*){3}/);
    run.child.kill('SIGKILL');
    expect((await run.done).signal).toBe('SIGKILL');
    const journal = `${input}.results.jsonl`;
    expect(
      journalOf(journal)
        .map((entry) => entry.state)
        .filter((state) => state === 'submitted'),
    ).toHaveLength(3);
    const jobsPerServer = () => [2, 5, 7].map((index) => jobsOf(id(index)).length);
    expect(jobsPerServer()).toEqual([1, 1, 1]);

    const rerun = await cli(['fleet', 'apply', input, ...FAST], env);
    expect(rerun.code).toBe(0);
    expect(rerun.stdout).toContain('3 succeeded, 0 failed');
    expect(jobsPerServer()).toEqual([1, 1, 1]);
    expect(
      journalOf(journal)
        .map((entry) => entry.state)
        .filter((state) => state === 'succeeded'),
    ).toHaveLength(3);
  });

  it('a whole last record without its newline is kept: its `sending` item is not sent again', async () => {
    const input = file('no-newline.json', JSON.stringify([itemFor(17)]));
    const journal = `${input}.results.jsonl`;
    writeFileSync(journal, JSON.stringify({ ...itemFor(17), state: 'sending', at: new Date().toISOString() }));
    const run = await cli(['fleet', 'apply', input, ...FAST], env);
    expect(run.code).toBe(3);
    expect(run.stdout).toContain('1 uncertain');
    expect(jobsOf(id(17))).toHaveLength(0);
    expect(readFileSync(journal, 'utf8').endsWith('\n')).toBe(true);
    expect(journalOf(journal).map((entry) => entry.state)).toEqual(['sending']);
  });

  it('refuses a journal line that is not an entry, with exit code 2', async () => {
    const input = file('bad-journal.json', JSON.stringify([itemFor(20)]));
    writeFileSync(`${input}.results.jsonl`, '42\n');
    const run = await cli(['fleet', 'apply', input, ...FAST], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/line 1 is not a journal entry/);
  });

  it('exits with 4 and says so when a job does not end in time (pending)', async () => {
    // Jobs of an hour: the wait surely ends at its timeout, however slow the machine.
    const slow = await startEmulator({ data: DATA, jobDurationMs: 60 * 60_000 });
    onTestFinished(() => slow.close());
    const input = file('pending.json', JSON.stringify([itemFor(3)]));
    const run = await cli(['fleet', 'apply', input, '--interval', '20', '--timeout', '60'], tokenEnv(slow));
    expect(run.code).toBe(4);
    expect(run.stdout).toContain('1 pending (re-run to wait again)');
    expect(slow.state.resizeJobs.filter((job) => job.serverId === id(3))).toHaveLength(1);
  });

  it('exits with 4 when a job fails (a confirmation that was not true)', async () => {
    const input = file('fails.json', JSON.stringify([itemFor(14)])); // Xen without drivers, "confirmed"
    const { code, stdout } = await cli(['fleet', 'apply', input, ...FAST], env);
    expect(code).toBe(4);
    expect(stdout).toMatch(new RegExp(`failed +${id(14)} → s3\\.large\\.2  job \\w+  Job \\w+ failed: Ecs\\.0207`));
  });
});
