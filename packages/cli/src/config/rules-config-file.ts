import type { Plugin, RuleEntry } from '@ecs-resize/rules';
import { existsSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError } from '../errors/UsageError.js';
import { isJsonObject } from '../input/is-json-object.js';
import { checkBoundedFile, readBoundedText, type BoundedInput } from '../input/read-bounded-input.js';
import { parseJsonText } from '../input/read-json-input.js';
import { messageOf } from '@ecs-resize/core';

/** The file names looked for in the current directory, when `--config` is not given. */
const CONFIG_FILE_NAMES = ['ecs-resize.config.mjs', 'ecs-resize.config.json'] as const;

/** The largest config file read: a config of every rule, with options, is a few KiB. */
export const MAX_CONFIG_BYTES = 2 ** 20;

/** A rules config as read from a file: severities (and options) by rule id, and plugins. */
export interface RulesConfigFile {
  /** The file it came from; undefined when there is none (the built-in defaults apply). */
  readonly path: string | undefined;
  /** Rule ids to a severity or `[severity, options]`, merged over `recommended`. */
  readonly rules: Readonly<Record<string, RuleEntry>>;
  /** Plugins (only a `.mjs` config can have them). */
  readonly plugins: readonly Plugin[];
}

/** The config file to read: `--config`, else one of {@link CONFIG_FILE_NAMES} in `cwd`, else none. */
function findConfigFile(explicit: string | undefined, cwd: string): string | undefined {
  if (explicit !== undefined) {
    const path = resolve(cwd, explicit);
    if (!existsSync(path)) throw new UsageError(`Config file not found: ${path} (from --config).`);
    return path;
  }
  const found = CONFIG_FILE_NAMES.map((name) => resolve(cwd, name)).filter((path) => existsSync(path));
  if (found.length > 1) throw new UsageError(`Found both ${found.join(' and ')}: keep one, or choose with --config.`);
  return found[0];
}

/**
 * The file's content: a `.json` file parsed (`parseJsonText`: not empty, nested at most 128
 * deep), a `.mjs`/`.js` module's default export. Either is at most {@link MAX_CONFIG_BYTES}, a regular file for a
 * module (its loader reads it whole).
 */
async function readConfigValue(path: string): Promise<unknown> {
  const extension = extname(path);
  const input: BoundedInput = { source: path, what: 'the config file', maxBytes: MAX_CONFIG_BYTES };
  const io = { cwd: dirname(path) };
  try {
    if (extension === '.json') return parseJsonText(await readBoundedText(input, io), input);
    if (extension === '.mjs' || extension === '.js') {
      await checkBoundedFile(input, io);
      return ((await import(pathToFileURL(path).href)) as { default?: unknown }).default;
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`Cannot read the config file ${path}: ${messageOf(error)}`, {
      cause: error,
    });
  }
  throw new UsageError(`Config file ${path}: use a .json or .mjs file.`);
}

/** Checks the file's shape: `{ rules?: {...}, plugins?: [...] }`, plugins only in a module. */
function parseConfigValue(path: string, value: unknown): RulesConfigFile {
  const where = `Config file ${path}`;
  if (!isJsonObject(value))
    throw new UsageError(`${where}: must hold an object { rules, plugins } (as the default export of a .mjs file).`);
  const unknownKeys = Object.keys(value).filter((key) => key !== 'rules' && key !== 'plugins');
  if (unknownKeys.length > 0)
    throw new UsageError(`${where}: unknown key ${unknownKeys.join(', ')}; only "rules" and "plugins" are read.`);
  const { rules = {}, plugins = [] } = value;
  if (!isJsonObject(rules))
    throw new UsageError(`${where}: "rules" must be an object of rule ids to a severity or [severity, options].`);
  if (!Array.isArray(plugins)) throw new UsageError(`${where}: "plugins" must be an array of plugin objects.`);
  if (plugins.length > 0 && extname(path) === '.json') {
    throw new UsageError(`${where}: plugins are code; load them from an ecs-resize.config.mjs file.`);
  }
  return { path, rules: rules as Record<string, RuleEntry>, plugins: plugins as Plugin[] };
}

/**
 * Reads the rules config: the `--config` file, else `ecs-resize.config.mjs` or
 * `ecs-resize.config.json` in `cwd`. Without one, the result is empty (the defaults apply).
 * The rule ids and severities themselves are checked by the rule engine.
 * @throws {UsageError} When the file is missing, unreadable or not shaped like a config.
 */
export async function loadRulesConfigFile(explicit: string | undefined, cwd: string): Promise<RulesConfigFile> {
  const path = findConfigFile(explicit, cwd);
  if (path === undefined) return { path: undefined, rules: {}, plugins: [] };
  return parseConfigValue(path, await readConfigValue(path));
}
