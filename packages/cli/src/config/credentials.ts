import type { AkSkCredentials, TokenCredentials } from '@ecs-resize/core';
import { UsageError } from '../errors/UsageError.js';
import { ENV, envValue, type Environment } from './environment.js';

/** The credentials from the environment, and which variables they came from (never their values). */
export interface ResolvedCredentials {
  /** What the client signs or authenticates with. */
  readonly auth: AkSkCredentials | TokenCredentials;
  /** How they are described to the operator, e.g. `AK/SK (HW_ACCESS_KEY, HW_SECRET_KEY)`. */
  readonly source: string;
}

/**
 * The credentials, from the environment only (a flag would show in `ps` and the shell
 * history): `HW_ACCESS_KEY` + `HW_SECRET_KEY` (+ `HW_SECURITY_TOKEN` for temporary
 * credentials), which win when also `OS_AUTH_TOKEN` is set; else `OS_AUTH_TOKEN`.
 * @throws {UsageError} When none are set, or half an AK/SK pair.
 */
export function credentialsFromEnv(env: Environment): ResolvedCredentials {
  const accessKey = envValue(env, ENV.accessKey);
  const secretKey = envValue(env, ENV.secretKey);
  const securityToken = envValue(env, ENV.securityToken);
  const token = envValue(env, ENV.token);
  if (accessKey !== undefined && secretKey !== undefined) {
    const names = [ENV.accessKey, ENV.secretKey, ...(securityToken === undefined ? [] : [ENV.securityToken])];
    return {
      auth: { accessKey, secretKey, ...(securityToken === undefined ? {} : { securityToken }) },
      source: `AK/SK (${names.join(', ')})`,
    };
  }
  if (accessKey !== undefined || secretKey !== undefined) {
    const missing = accessKey === undefined ? ENV.accessKey : ENV.secretKey;
    throw new UsageError(`${missing} is not set: AK/SK credentials need both ${ENV.accessKey} and ${ENV.secretKey}.`);
  }
  if (token !== undefined) return { auth: { token }, source: `token (${ENV.token})` };
  throw new UsageError(
    `No credentials: set ${ENV.accessKey} and ${ENV.secretKey} (and ${ENV.securityToken} for temporary ones), or ${ENV.token}. ` +
      'Secrets are read from the environment only, never from flags.',
  );
}

/** The secret values set in the environment, to keep out of every output. */
export function secretsIn(env: Environment): string[] {
  return [ENV.secretKey, ENV.securityToken, ENV.token].flatMap((name) => envValue(env, name) ?? []);
}
