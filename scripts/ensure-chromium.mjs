// Before the tests: makes sure the real-browser tests have a Chromium. It looks where
// config/find-chromium.mjs looks (CHROMIUM_PATH, the usual locations, PATH); when none is there
// and this machine can install Debian's package (root, apt-get), it installs `chromium` quietly,
// with apt-get's output in a log file. It never downloads a browser of its own and never stops the
// test command: without a Chromium, the browser tests fail with one message that says what to do.
import { execFileSync } from 'node:child_process';
import { mkdirSync, openSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { findChromium, CHROMIUM_PATH_VARIABLE } from '../config/find-chromium.mjs';

const before = findChromium();
if (before.path) process.exit(0);

/** Whether apt-get is on PATH. */
function hasAptGet() {
  try {
    execFileSync('apt-get', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const canInstall = process.env[CHROMIUM_PATH_VARIABLE] === undefined && process.getuid?.() === 0 && hasAptGet();
if (!canInstall) {
  console.log(`Browser tests: ${before.reason}. They will fail until one is there.`);
  process.exit(0);
}

const logDir = join('node_modules', '.cache');
mkdirSync(logDir, { recursive: true });
const logPath = join(logDir, 'ensure-chromium.log');
console.log(`Browser tests: installing Debian's chromium package with apt-get (log: ${logPath})...`);
const log = openSync(logPath, 'w');
try {
  const run = (...args) =>
    execFileSync('apt-get', args, {
      stdio: ['ignore', log, log],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  run('update', '-qq');
  run('install', '-y', '-qq', '--no-install-recommends', 'chromium');
} catch (error) {
  console.log(`Browser tests: apt-get failed (${error.message.split('\n')[0]}); see ${logPath}.`);
} finally {
  closeSync(log);
}
const after = findChromium();
console.log(after.path ? `Browser tests: using ${after.path}.` : `Browser tests: ${after.reason}.`);
