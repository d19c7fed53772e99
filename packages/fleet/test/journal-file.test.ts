/**
 * `@ecs-resize/fleet/journal` on its own: the lock (one run per journal) and the JSON-lines
 * file (what earlier runs wrote, a torn last line cut off, secrets masked). Real files in a
 * temporary directory; no network.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FleetJournalEntry } from '../src/index.js';
import { JournalError, openJournal, type JournalErrorKind } from '../src/journal/index.js';
import { rejectionOf } from '../../core/test/helpers.js';

/** A pid above Linux's largest (2^22): no process has it. */
const DEAD_PID = 4_194_305;
const AT = '2026-01-01T00:00:00.000Z';
const ENTRY: FleetJournalEntry = {
  serverId: '6f1b3c2a-0d4e-4b7a-9c11-2a5e8f000004',
  flavorRef: 's3.xlarge.2',
  state: 'sending',
  at: AT,
};

let directory: string;
let count = 0;
beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'ecs-resize-journal-'));
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** A new journal path, with `text` in it when given. */
function journalPath(text?: string): string {
  count += 1;
  const path = join(directory, `fleet-${count}.jsonl`);
  if (text !== undefined) writeFileSync(path, text);
  return path;
}

const lockOf = (pid: number, host = hostname()) => JSON.stringify({ pid, host, startedAt: AT });

/** The error `openJournal` throws, synchronously. */
const openError = (path: string): unknown => rejectionOf(Promise.resolve().then(() => openJournal(path)));

/** Lock files another run left, and what opening the journal must do about each. */
const LOCKS: { name: string; lock: string; takeover?: boolean; kind: JournalErrorKind | 'opened'; holder?: number }[] = [
  { name: 'held by a running process of this host', lock: lockOf(process.pid), kind: 'locked', holder: process.pid },
  { name: 'held on another host', lock: lockOf(1, 'build-7.example'), kind: 'locked', holder: 1 },
  { name: 'held on another host, by a pid dead here', lock: lockOf(DEAD_PID, 'other'), kind: 'locked', holder: DEAD_PID },
  { name: 'empty (a run between create and write)', lock: '', kind: 'lock-unreadable' },
  { name: 'not JSON', lock: 'locked', kind: 'lock-unreadable' },
  { name: 'a pid that is not a number', lock: '{"pid":"1","host":"h","startedAt":"x"}', kind: 'lock-unreadable' },
  { name: 'pid 0 (kill(0) would mean the process group)', lock: lockOf(0), kind: 'lock-unreadable' },
  { name: 'stale: a dead pid of this host', lock: lockOf(DEAD_PID), kind: 'opened', holder: DEAD_PID },
  { name: 'stale, but another run is taking it over', lock: lockOf(DEAD_PID), takeover: true, kind: 'takeover-in-progress' },
];

describe('openJournal locks the journal: one run at a time', () => {
  it.each(LOCKS)('a lock file $name', async ({ lock, takeover, kind, holder }) => {
    const path = journalPath();
    const lockPath = `${path}.lock`;
    writeFileSync(lockPath, lock);
    if (takeover) writeFileSync(`${lockPath}.takeover`, lockOf(process.pid));
    if (kind === 'opened') {
      const journal = openJournal(path);
      expect(journal.takenOverFrom?.pid).toBe(holder);
      expect(JSON.parse(readFileSync(lockPath, 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() });
      journal.close();
      expect(existsSync(lockPath)).toBe(false);
      return;
    }
    const error = await openError(path);
    expect(error).toBeInstanceOf(JournalError);
    expect(error).toMatchObject({ kind, journalPath: path });
    expect((error as JournalError).holder?.pid).toBe(holder);
    expect((error as JournalError).file).toBe(takeover ? `${lockPath}.takeover` : lockPath);
    // A refusal leaves the other run's lock alone.
    expect(readFileSync(lockPath, 'utf8')).toBe(lock);
  });

  it('a second open of a journal this process holds is refused; closing releases it', async () => {
    const path = journalPath();
    const first = openJournal(path);
    expect(await openError(path)).toMatchObject({ kind: 'locked', holder: { pid: process.pid } });
    first.close();
    const second = openJournal(path);
    second.close();
    expect(existsSync(`${path}.lock`)).toBe(false);
  });

  it('a host with control characters is JSON-quoted in the message, never written raw', async () => {
    const path = journalPath();
    writeFileSync(`${path}.lock`, lockOf(1, 'evil\u001b[2J\nhost'));
    const { message, holder } = (await openError(path)) as JournalError;
    expect(holder?.host).toBe('evil\u001b[2J\nhost');
    expect(message).toContain('process 1@"evil\\u001b[2J\\nhost"');
    expect(message).not.toMatch(/[\u0000-\u001f]/);
  });
});

describe('openJournal reads what earlier runs wrote', () => {
  const line = (entry: FleetJournalEntry) => JSON.stringify(entry);
  const submitted: FleetJournalEntry = { ...ENTRY, state: 'submitted', jobId: 'ff80' };

  it.each([
    { name: 'no file yet', text: undefined, previous: [], tornLine: false, after: '' },
    { name: 'an empty file', text: '', previous: [], tornLine: false, after: '' },
    { name: 'whole lines', text: `${line(ENTRY)}\n${line(submitted)}\n`, previous: [ENTRY, submitted], tornLine: false },
    {
      name: 'a last record without its newline (added)',
      text: `${line(ENTRY)}\n${line(submitted)}`,
      previous: [ENTRY, submitted],
      tornLine: false,
      after: `${line(ENTRY)}\n${line(submitted)}\n`,
    },
    {
      name: 'a last line torn by a crash (cut off)',
      text: `${line(ENTRY)}\n{"serverId":"6f1b`,
      previous: [ENTRY],
      tornLine: true,
      after: `${line(ENTRY)}\n`,
    },
    { name: 'blank lines', text: `\n${line(ENTRY)}\n\n`, previous: [ENTRY], tornLine: false },
  ])('$name', ({ text, previous, tornLine, after }) => {
    const path = journalPath(text);
    const journal = openJournal(path);
    try {
      expect(journal.previous).toEqual(previous);
      expect(journal.tornLine).toBe(tornLine);
      if (after !== undefined) expect(existsSync(path) ? readFileSync(path, 'utf8') : '').toBe(after);
    } finally {
      journal.close();
    }
  });

  it.each([
    ['a line that is not JSON, before the last', `not json\n${JSON.stringify(ENTRY)}\n`, 1],
    ['a JSON line that is no entry', `${JSON.stringify(ENTRY)}\n{"state":"sending"}\n`, 2],
    ['JSON null', 'null\n', 1],
  ])('refuses %s (bad-line), and releases the lock', async (_, text, lineNumber) => {
    const path = journalPath(text);
    const error = await openError(path);
    expect(error).toMatchObject({ kind: 'bad-line', file: path });
    expect((error as JournalError).message).toContain(`line ${lineNumber}`);
    expect(existsSync(`${path}.lock`)).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });
});

describe('record appends one masked JSON line per entry', () => {
  it('each entry is a line of its own, after the earlier runs, every secret masked', () => {
    const path = journalPath(`${JSON.stringify(ENTRY)}\n`);
    const secret = 'S3cr3t-AK-value';
    const journal = openJournal(path, [secret]);
    journal.record({ ...ENTRY, state: 'error', error: `the API said: bad key ${secret}` });
    journal.record({ ...ENTRY, state: 'blocked' });
    journal.close();
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    expect(lines.map((text) => (JSON.parse(text) as FleetJournalEntry).state)).toEqual(['sending', 'error', 'blocked']);
    expect(lines.join('\n')).not.toContain(secret);
    expect(lines[1]).toContain('[redacted]');
  });
});
