import type { ConnectionFlags } from '../config/connection.js';
import type { OptionSpecs } from './option-spec.js';
import type { OptionValues } from './option-values.js';

/** The flags every command accepts. Secrets are never among them: they come from the environment. */
export const GLOBAL_OPTIONS = {
  endpoint: {
    type: 'string',
    value: '<url>',
    description: 'ECS endpoint (env ECS_ENDPOINT; default: the endpoint of the region)',
  },
  'project-id': { type: 'string', value: '<id>', description: 'project id (env HW_PROJECT_ID)' },
  region: {
    type: 'string',
    value: '<region>',
    description: 'region, e.g. eu-de (env HW_REGION_NAME): eu-de/eu-nl are Open Telekom Cloud, others Huawei Cloud',
  },
  config: { type: 'string', value: '<file>', description: 'rules config (default: ecs-resize.config.mjs or .json here)' },
  json: { type: 'boolean', description: 'print one JSON document on stdout, for scripts' },
  help: { type: 'boolean', short: 'h', description: 'show the help' },
  version: { type: 'boolean', description: 'print the version' },
} as const satisfies OptionSpecs;

/** The connection flags of a command line: `--endpoint`, `--project-id`, `--region`. */
export function connectionFlagsOf(options: OptionValues): ConnectionFlags {
  return { endpoint: options.string('endpoint'), projectId: options.string('project-id'), region: options.string('region') };
}
