/** The environment variable that names a Chromium (or Chrome) binary to use. */
export declare const CHROMIUM_PATH_VARIABLE: 'CHROMIUM_PATH';

/** The flags every real-browser test launches Chromium with. */
export declare const CHROMIUM_ARGS: readonly string[];

/** Where Chromium is, or why none was found. */
export type ChromiumLocation = { path: string } | { path: undefined; reason: string };

/**
 * Finds a Chromium binary: `CHROMIUM_PATH` when it is set, else the usual locations, else the
 * commands on PATH.
 */
export declare function findChromium(env?: Record<string, string | undefined>): ChromiumLocation;
