import type { Environment } from './config/environment.js';
import type { OutputStream } from './output/output-stream.js';

/** What the CLI runs with: its streams, environment, directory and stop signal. */
export interface CliIo {
  /** Results: text for people, or the JSON document. */
  readonly stdout: OutputStream;
  /** Errors and, with `--json`, progress. */
  readonly stderr: OutputStream;
  /** The environment: settings and credentials (secrets are read from here only). */
  readonly env: Environment;
  /** The standard input, read for `-` (`check --facts -`); absent, `-` is a usage error. */
  readonly stdin?: AsyncIterable<Uint8Array | string> | undefined;
  /** The directory relative paths and the default config file are found in. */
  readonly cwd: string;
  /**
   * Aborted when the operator stops the command (Ctrl-C), with an `InterruptedError` as the
   * reason: requests and waits end, and the command says how to resume.
   */
  readonly signal?: AbortSignal | undefined;
}
