/** The process environment, or a copy of it: variable names to values. */
export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * The environment variables ecs-resize reads, named as the Huawei Cloud Terraform provider
 * and CLI (`HW_*`) and OpenStack (`OS_AUTH_TOKEN`) name them.
 */
export const ENV = {
  accessKey: 'HW_ACCESS_KEY',
  secretKey: 'HW_SECRET_KEY',
  securityToken: 'HW_SECURITY_TOKEN',
  projectId: 'HW_PROJECT_ID',
  region: 'HW_REGION_NAME',
  token: 'OS_AUTH_TOKEN',
  endpoint: 'ECS_ENDPOINT',
} as const;

/** The value of a variable; unset and empty are the same. */
export function envValue(env: Environment, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}
