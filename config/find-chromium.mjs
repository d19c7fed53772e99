// Where the real-browser tests find Chromium: one place, used by scripts/ensure-chromium.mjs
// (before the tests) and by the end-to-end tests themselves.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The environment variable that names a Chromium (or Chrome) binary to use. */
export const CHROMIUM_PATH_VARIABLE = 'CHROMIUM_PATH';

/** The flags every real-browser test launches Chromium with: headless, no sandbox, no GPU, nothing fetched in the background. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The usual absolute locations, Debian's package first. */
const USUAL_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/** The names looked up on PATH after the usual locations. */
const COMMAND_NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

/** Whether `path` is a file this process may execute. */
function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Finds a Chromium binary: `CHROMIUM_PATH` when it is set (and only then, so that a wrong value is
 * reported, not silently replaced), else the usual locations, else the commands on PATH.
 * @returns {{ path: string } | { path: undefined, reason: string }}
 */
export function findChromium(env = process.env) {
  const named = env[CHROMIUM_PATH_VARIABLE];
  if (named) {
    return isExecutable(named)
      ? { path: named }
      : { path: undefined, reason: `${CHROMIUM_PATH_VARIABLE} names ${named}, which is not an executable file` };
  }
  const onPath = (env.PATH ?? '').split(delimiter).filter(Boolean);
  const candidates = [...USUAL_PATHS, ...COMMAND_NAMES.flatMap((name) => onPath.map((dir) => join(dir, name)))];
  const found = candidates.find(isExecutable);
  return found
    ? { path: found }
    : { path: undefined, reason: `no Chromium found; set ${CHROMIUM_PATH_VARIABLE} to a Chromium or Chrome binary` };
}
