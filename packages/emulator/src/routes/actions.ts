import { ecsError } from '../errors.js';
import { startPowerJob } from '../jobs.js';
import { isObject, onlyKeys, readJsonObject } from '../json-body.js';
import { jsonReply } from '../reply.js';
import type { RouteHandler } from '../route.js';
import { RUNNING, STOPPED, isAt } from '../server-states.js';

/**
 * `POST /v1/{project_id}/cloudservers/action` with `{"os-stop": {"type"?: "SOFT"|"HARD",
 * "servers": [{"id"}]}}` or `{"os-start": {"servers": [...]}}` → `{"job_id"}`; each server stops
 * or starts through the job. Blank body: `Common.0002`; bad body: `Ecs.0005`; unknown server:
 * `Ecs.0114`. UNCONFIRMED: a server not at rest in the opposite state is refused with `Ecs.0100`
 * (the real batch API may instead fail the sub-job).
 */
export const serverAction: RouteHandler = (context) => {
  const body = readJsonObject(context.body);
  if (body === 'blank') return ecsError('Common.0002');
  const action = body === 'invalid' ? undefined : parseAction(body);
  if (action === undefined) return ecsError('Ecs.0005');
  const { world } = context;
  const servers = action.serverIds.map((id) => world.servers.get(id));
  if (servers.includes(undefined)) return ecsError('Ecs.0114');
  const from = action.kind === 'stop' ? RUNNING : STOPPED;
  if (servers.some((server) => server !== undefined && !isAt(server, from))) return ecsError('Ecs.0100');
  const jobId = context.random.hex(32);
  const subJobs = action.serverIds.map((serverId) => ({ jobId: context.random.hex(32), serverId }));
  startPowerJob(world, { jobId, now: context.now, durationMs: context.jobDurationMs }, action.kind, subJobs);
  return jsonReply(200, { job_id: jobId });
};

/** The action and its distinct server ids, or undefined when the body is not a valid one. */
function parseAction(body: Record<string, unknown>): { kind: 'stop' | 'start'; serverIds: string[] } | undefined {
  const [name, ...others] = Object.keys(body);
  if (others.length > 0 || (name !== 'os-stop' && name !== 'os-start')) return undefined;
  const action = body[name];
  if (!isObject(action) || !onlyKeys(action, name === 'os-stop' ? ['servers', 'type'] : ['servers'])) return undefined;
  const { servers, type } = action;
  if ((type !== undefined && type !== 'SOFT' && type !== 'HARD') || !Array.isArray(servers) || servers.length === 0)
    return undefined;
  const serverIds = servers.map((entry: unknown) =>
    isObject(entry) && typeof entry['id'] === 'string' ? entry['id'] : undefined,
  );
  if (!serverIds.every((id): id is string => id !== undefined)) return undefined;
  return { kind: name === 'os-stop' ? 'stop' : 'start', serverIds: [...new Set(serverIds)] };
}
