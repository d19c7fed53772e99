import type { AuthConfig } from './auth/authenticate.js';
import { defaultData } from './data/default-data.js';
import { validateFault, type Fault } from './faults.js';
import { validateData, type EmulatorData } from './model.js';
import type { EmulatorState } from './state.js';

/** The project id the emulator serves by default (32 hex digits, like a real one). */
export const DEFAULT_PROJECT_ID = '0b5e1f2a3c4d4e5f8a9b0c1d2e3f4a5b';
/** The `X-Auth-Token` the emulator accepts by default. */
export const DEFAULT_TOKEN = 'ecs-emulator-token';
/** The AK/SK pair the emulator accepts by default. */
export const DEFAULT_CREDENTIALS: Readonly<AccessKeyPair> = {
  accessKey: 'EMULATORAK0000000001',
  secretKey: 'EmulatorSecretKey0000000000000000000001',
};

/**
 * How many requests the log keeps by default: far more than any test or bench makes (planning
 * a fleet of 20,000 servers takes under 2,000), about 30 MB when full.
 */
const DEFAULT_MAX_LOGGED_REQUESTS = 100_000;

/** An access key and its secret key. */
export interface AccessKeyPair {
  /** The access key (AK), sent in `Authorization`. */
  accessKey: string;
  /** The secret key (SK), never sent. */
  secretKey: string;
}

/** Who may call the emulator; `false` accepts unauthenticated requests (e.g. behind a signing proxy). */
export type EmulatorAuth =
  | false
  | {
      /** Accepted `X-Auth-Token` values. @default [DEFAULT_TOKEN] */
      tokens?: string[];
      /** Accepted AK/SK pairs. @default [DEFAULT_CREDENTIALS] */
      credentials?: AccessKeyPair[];
    };

/** Options of `startEmulator`. */
export interface EmulatorOptions {
  /** TCP port on 127.0.0.1; 0 picks a free one. @default 0 */
  port?: number;
  /** Seed of the ids (request ids, job ids, order ids) and of the probabilistic faults. @default 1 */
  seed?: number;
  /** The dataset to serve, copied. @default defaultData() */
  data?: EmulatorData;
  /** The project id in every path. @default DEFAULT_PROJECT_ID */
  projectId?: string;
  /** Accepted credentials. @default { tokens: [DEFAULT_TOKEN], credentials: [DEFAULT_CREDENTIALS] } */
  auth?: EmulatorAuth;
  /** Answer CORS (preflights and simple requests) for these origins only. @default none, like the real ECS */
  cors?: { origins: string[] };
  /** Initial fault rules; `emulator.faults` is the live list. @default [] */
  faults?: Fault[];
  /** How long a job runs, in milliseconds: INIT for the first tenth, then RUNNING. @default 2000 */
  jobDurationMs?: number;
  /**
   * How many requests `state.requests` keeps, the latest ones (`countRequests` counts those):
   * when it is full, the oldest tenth (at least one) is dropped at once, so that an emulator
   * that runs for long stays bounded. 0 logs none. @default 100_000
   */
  maxLoggedRequests?: number;
}

/** A running emulator. */
export interface Emulator {
  /** Its base URL, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** The project id its paths expect. */
  readonly projectId: string;
  /** The live state (reading it advances the jobs to now). */
  readonly state: EmulatorState;
  /** The live fault rules: push or splice them at any time. */
  readonly faults: Fault[];
  /** Stops listening, destroys open sockets (keep-alive included) and cancels pending delays. */
  close(): Promise<void>;
}

/** Options with their defaults applied. */
export interface EmulatorConfig {
  /** TCP port (0: any free one). */
  readonly port: number;
  /** Seed of the id and fault streams. */
  readonly seed: number;
  /** The dataset (validated, not yet copied). */
  readonly data: EmulatorData;
  /** The project id in every path. */
  readonly projectId: string;
  /** Accepted credentials, or false for none needed. */
  readonly auth: AuthConfig | false;
  /** Origins CORS answers for. */
  readonly corsOrigins: readonly string[];
  /** Initial fault rules (validated). */
  readonly faults: readonly Fault[];
  /** Job duration in milliseconds. */
  readonly jobDurationMs: number;
  /** The most requests the request log keeps. */
  readonly maxLoggedRequests: number;
}

/** Applies the defaults and throws a clear `TypeError` for any invalid option. */
export function resolveOptions(options: EmulatorOptions): EmulatorConfig {
  const {
    port = 0,
    seed = 1,
    projectId = DEFAULT_PROJECT_ID,
    jobDurationMs = 2000,
    faults = [],
    maxLoggedRequests = DEFAULT_MAX_LOGGED_REQUESTS,
  } = options;
  const fail = (problem: string): never => {
    throw new TypeError(`startEmulator: ${problem}`);
  };
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail('port must be an integer from 0 to 65535');
  if (!Number.isSafeInteger(seed)) fail('seed must be a safe integer');
  if (typeof projectId !== 'string' || !/^[\w-]+$/.test(projectId))
    fail('projectId must be a non-empty string of letters, digits, "_" or "-"');
  if (!Number.isFinite(jobDurationMs) || jobDurationMs < 0) fail('jobDurationMs must be a number >= 0');
  if (!Number.isSafeInteger(maxLoggedRequests) || maxLoggedRequests < 0) fail('maxLoggedRequests must be a whole number >= 0');
  const origins = options.cors?.origins ?? [];
  if (!Array.isArray(origins) || !origins.every((origin) => typeof origin === 'string' && origin !== ''))
    fail('cors.origins must be an array of origins');
  faults.forEach(validateFault);
  const data = options.data ?? defaultData();
  validateData(data);
  const auth = resolveAuth(options.auth, fail);
  return { port, seed, data, projectId, auth, corsOrigins: origins, faults, jobDurationMs, maxLoggedRequests };
}

function resolveAuth(auth: EmulatorAuth | undefined, fail: (problem: string) => never): AuthConfig | false {
  if (auth === false) return false;
  const tokens = auth?.tokens ?? [DEFAULT_TOKEN];
  const credentials = auth?.credentials ?? [DEFAULT_CREDENTIALS];
  if (!tokens.every((token) => typeof token === 'string' && token !== '')) fail('auth.tokens must be non-empty strings');
  const valid = credentials.every(
    (pair) =>
      typeof pair?.accessKey === 'string' && pair.accessKey !== '' && typeof pair.secretKey === 'string' && pair.secretKey !== '',
  );
  if (!valid) fail('auth.credentials must be { accessKey, secretKey } pairs of non-empty strings');
  return { tokens: new Set(tokens), secretKeys: new Map(credentials.map((pair) => [pair.accessKey, pair.secretKey])) };
}
