/**
 * `openJournal` reads the journal and its lock file bounded: a path that is no regular file (a
 * directory, a FIFO, `/dev/zero`) or a file larger than the package ever writes is refused
 * with a `JournalError`, never read without end, and leaves nothing behind. Real files in a
 * temporary directory; no network.
 */
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JournalError, MAX_JOURNAL_BYTES, MAX_LOCK_BYTES, openJournal, type JournalErrorKind } from '../src/journal/index.js';

const ENTRY = {
  serverId: '6f1b3c2a-0d4e-4b7a-9c11-2a5e8f000004',
  flavorRef: 's3.xlarge.2',
  state: 'succeeded',
  at: '2026-01-01T00:00:00.000Z',
};
const ENTRY_LINE = `${JSON.stringify(ENTRY)}\n`;

let directory: string;
let count = 0;
beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'ecs-resize-journal-bounds-'));
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** A new path in the temporary directory, nothing there yet. */
function freshPath(): string {
  count += 1;
  return join(directory, `fleet-${count}.jsonl`);
}

/** Ways to put something at a path, and what `openJournal` must make of it there. */
const FILES: { name: string; make: (path: string) => void; kind: JournalErrorKind | 'read' }[] = [
  { name: 'a directory', make: (path) => mkdirSync(path), kind: 'not-a-file' },
  { name: 'a FIFO with no writer', make: (path) => execFileSync('mkfifo', [path]), kind: 'not-a-file' },
  { name: 'a link to /dev/zero (never ends)', make: (path) => symlinkSync('/dev/zero', path), kind: 'not-a-file' },
  { name: 'a link to /dev/null (a device, empty)', make: (path) => symlinkSync('/dev/null', path), kind: 'not-a-file' },
  { name: 'a link to a directory', make: (path) => symlinkSync(directory, path), kind: 'not-a-file' },
];

/** The error `openJournal` throws. */
function openError(path: string): JournalError {
  try {
    openJournal(path).close();
  } catch (error) {
    expect(error).toBeInstanceOf(JournalError);
    return error as JournalError;
  }
  throw new Error(`openJournal(${path}) did not throw`);
}

describe.each([
  { file: 'the journal', target: (path: string) => path },
  { file: 'the lock file', target: (path: string) => `${path}.lock` },
])('$file', ({ target }) => {
  it.each(FILES)('is $name: refused as $kind, left as it was, no lock left', ({ make, kind }) => {
    const path = freshPath();
    make(target(path));
    const before = lstatSync(target(path));
    const error = openError(path);
    expect(error).toMatchObject({ kind, journalPath: path, file: target(path) });
    expect(error.message).toContain('is not a regular file');
    expect(error.message).toContain('Nothing was sent.');
    expect(lstatSync(target(path))).toMatchObject({ mode: before.mode, size: before.size, ino: before.ino });
    // The journal's refusal releases the lock it took; another run's lock file is not touched.
    if (target(path) === path) expect(existsSync(`${path}.lock`)).toBe(false);
  });
});

describe('sizes: one byte over the cap is refused before it is read', () => {
  it.each([
    { name: 'a sparse journal of MAX_JOURNAL_BYTES + 1', file: '', bytes: MAX_JOURNAL_BYTES + 1, kind: 'too-large' },
    { name: 'a lock file of MAX_LOCK_BYTES + 1', file: '.lock', bytes: MAX_LOCK_BYTES + 1, kind: 'too-large' },
    // At the cap it is read: a lock file of spaces is no lock.
    { name: 'a lock file of MAX_LOCK_BYTES', file: '.lock', bytes: MAX_LOCK_BYTES, kind: 'lock-unreadable' },
  ])('$name: $kind', ({ file, bytes, kind }) => {
    const path = freshPath();
    const sized = `${path}${file}`;
    writeFileSync(sized, ' '.repeat(Math.min(bytes, MAX_LOCK_BYTES)));
    truncateSync(sized, bytes); // Past the spaces, a hole: no disk used.
    const error = openError(path);
    expect(error).toMatchObject({ kind, journalPath: path, file: sized });
    if (kind === 'too-large') expect(error.message).toMatch(/is larger than (256 MiB|4 KiB)/);
    expect(lstatSync(sized).size).toBe(bytes);
    if (file === '') expect(existsSync(`${path}.lock`)).toBe(false);
  });

  it('MAX_JOURNAL_BYTES holds a 100,000-item fleet: a succeeded item writes three lines of under 200 bytes', () => {
    expect(Buffer.byteLength(ENTRY_LINE)).toBeLessThan(200);
    expect(MAX_JOURNAL_BYTES).toBeGreaterThan(100_000 * 3 * 200 * 4);
  });
});

describe('what the bounds leave alone', () => {
  it.each([
    { name: 'no journal yet', make: () => undefined, previous: [] },
    { name: 'a journal', make: (path: string) => writeFileSync(path, ENTRY_LINE.repeat(3)), previous: [ENTRY, ENTRY, ENTRY] },
    {
      name: 'a link to a journal',
      make: (path: string) => {
        writeFileSync(`${path}.real`, ENTRY_LINE);
        symlinkSync(`${path}.real`, path);
      },
      previous: [ENTRY],
    },
    {
      name: 'a stale lock of this host (taken over)',
      make: (path: string) => writeFileSync(`${path}.lock`, JSON.stringify({ pid: 4_194_305, host: hostname(), startedAt: 'x' })),
      previous: [],
    },
  ])('$name: opened, its entries read', ({ make, previous }) => {
    const path = freshPath();
    make(path);
    const journal = openJournal(path);
    try {
      expect(journal.previous).toEqual(previous);
      expect(JSON.parse(readFileSync(`${path}.lock`, 'utf8'))).toMatchObject({ pid: process.pid });
    } finally {
      journal.close();
    }
    expect(existsSync(`${path}.lock`)).toBe(false);
  });
});
