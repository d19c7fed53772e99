/**
 * `ecs-resize fleet apply --journal <path>` over the built binary: a journal or lock file that
 * is no regular file (`/dev/zero`, a FIFO, a directory) or is oversized ends the run at once
 * with exit 2 and one line, and not one request reaches the emulator (127.0.0.1).
 */
import { MAX_JOURNAL_BYTES, MAX_LOCK_BYTES } from '@ecs-resize/fleet/journal';
import { SERVERS, startEmulator, type Emulator } from '@ecs-resize/emulator';
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
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, tokenEnv } from './helpers/cli.js';

let dir: string;
let emulator: Emulator;
let fleetFile: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'journal-bounds-'));
  emulator = await startEmulator();
  fleetFile = join(dir, 'fleet.csv');
  writeFileSync(fleetFile, `serverId,flavorRef\n${SERVERS.kvmStopped},s3.xlarge.2\n`);
});
afterAll(async () => {
  await emulator?.close();
  rmSync(dir, { recursive: true, force: true });
});

let names = 0;
/** A new journal path in the test directory, nothing there yet. */
const freshJournal = () => join(dir, `journal-${(names += 1)}.jsonl`);

/** Makes `path` a sparse file of `bytes` (a hole: no disk used). */
function sparse(path: string, bytes: number): void {
  writeFileSync(path, '');
  truncateSync(path, bytes);
}

/** As root, `/dev/zero.lock` can be created and the journal itself is refused; otherwise its lock cannot be. */
const DEV_ZERO_SAYS =
  process.getuid?.() === 0 ? 'The journal /dev/zero is not a regular file' : 'Cannot create the lock file /dev/zero.lock';

/** Journals and lock files that must end the run, where each goes, and what the run says. */
const CASES: { name: string; make: (journal: string) => string; says: (journal: string) => string }[] = [
  { name: '--journal /dev/zero', make: () => '/dev/zero', says: () => DEV_ZERO_SAYS },
  {
    name: 'a journal linked to /dev/zero',
    make: (journal) => (symlinkSync('/dev/zero', journal), journal),
    says: (journal) => `The journal ${journal} is not a regular file`,
  },
  {
    name: 'a journal that is a FIFO',
    make: (journal) => (execFileSync('mkfifo', [journal]), journal),
    says: (journal) => `The journal ${journal} is not a regular file`,
  },
  {
    name: 'a journal that is a directory',
    make: (journal) => (mkdirSync(journal), journal),
    says: (journal) => `The journal ${journal} is not a regular file`,
  },
  {
    name: 'a sparse journal one byte over the cap',
    make: (journal) => (sparse(journal, MAX_JOURNAL_BYTES + 1), journal),
    says: (journal) => `The journal ${journal} is larger than 256 MiB`,
  },
  {
    name: 'a lock file one byte over the cap',
    make: (journal) => (sparse(`${journal}.lock`, MAX_LOCK_BYTES + 1), `${journal}.lock`),
    says: (journal) => `The journal's lock file ${journal}.lock is larger than 4 KiB`,
  },
  {
    name: 'a lock file linked to /dev/zero',
    make: (journal) => (symlinkSync('/dev/zero', `${journal}.lock`), `${journal}.lock`),
    says: (journal) => `The journal's lock file ${journal}.lock is not a regular file`,
  },
  {
    name: 'a lock file that is a FIFO',
    make: (journal) => (execFileSync('mkfifo', [`${journal}.lock`]), `${journal}.lock`),
    says: (journal) => `The journal's lock file ${journal}.lock is not a regular file`,
  },
];

describe('fleet apply --journal: a journal that cannot be read bounded ends the run, nothing sent', () => {
  it.each(CASES)('$name: exit 2, one line, no request, the file left as it was', async ({ make, says }) => {
    const journal = freshJournal();
    const made = make(journal);
    const before = lstatSync(made);
    const requests = emulator.state.countRequests();
    const path = made.endsWith('.lock') ? journal : made;
    const { code, stdout, stderr } = await cli(['fleet', 'apply', fleetFile, '--journal', path], tokenEnv(emulator), dir);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toMatch(/^error: [^\n]*\n$/);
    expect(stderr).toContain(says(path));
    expect(stderr).toContain('Nothing was sent.');
    expect(emulator.state.countRequests()).toBe(requests);
    expect(lstatSync(made)).toMatchObject({ mode: before.mode, size: before.size, ino: before.ino });
    // The run's own lock, taken when the journal itself was refused, is released.
    if (made === path) expect(existsSync(`${path}.lock`)).toBe(false);
  });

  it('a regular journal is applied: the one resize of the run is the first the emulator sees', async () => {
    const journal = freshJournal();
    const { code, stderr } = await cli(['fleet', 'apply', fleetFile, '--journal', journal], tokenEnv(emulator), dir);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(readFileSync(journal, 'utf8')).toContain('"state":"succeeded"');
    expect(emulator.state.countRequests('resize')).toBe(1);
  });
});
