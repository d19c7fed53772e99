// Makes sure Debian's Chromium is installed at /usr/bin/chromium for the real-browser tests,
// installing the `chromium` package with apt-get when it is missing (the machines run as root).
// Never downloads a browser of its own (no `playwright install`).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';

if (existsSync(CHROMIUM)) process.exit(0);
console.log(`${CHROMIUM} is missing: installing Debian's chromium package (apt-get)...`);
const run = (...args) =>
  execFileSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
try {
  run('update', '-qq');
  run('install', '-y', '-qq', '--no-install-recommends', 'chromium');
} catch (error) {
  console.error(
    `Could not install chromium (${error.message}). Install Debian's chromium package as root, then run the tests again.`,
  );
  process.exit(1);
}
if (!existsSync(CHROMIUM)) {
  console.error(`apt-get finished but ${CHROMIUM} is still missing.`);
  process.exit(1);
}
