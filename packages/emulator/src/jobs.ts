import { ecsMessage } from './errors.js';
import { lateResizeFailure } from './resize-outcome.js';
import { RUNNING, STOPPED, setPowerStatus, type PowerStatus } from './server-states.js';
import type { EmulatorJob, JobTask, SubJob } from './job-model.js';
import type { World } from './state.js';

/** When a job starts and how long it runs. */
export interface JobTiming {
  /** The new job's id. */
  readonly jobId: string;
  /** Start, in epoch milliseconds. */
  readonly now: number;
  /** Duration in milliseconds. */
  readonly durationMs: number;
}

/** Share of a job's duration spent in INIT. */
const INIT_SHARE = 0.1;

/**
 * `job_type` values. UNCONFIRMED (ecs-api.md §3): no resize job example is published;
 * `resizeServer` is the CTS trace name, the batch names follow the same pattern.
 */
const JOB_TYPES = {
  resize: 'resizeServer',
  stop: 'batchStopServer',
  start: 'batchStartServer',
} as const;

/** The sub-job `job_type` of each batch power action (UNCONFIRMED, as above). */
export const SUB_JOB_TYPES = { stop: 'stopServer', start: 'startServer' } as const;

/** Starts a resize: the server goes to RESIZE / `resize_prep` until the job ends. */
export function startResizeJob(
  world: World,
  timing: JobTiming,
  resize: { readonly serverId: string; readonly flavorRef: string; readonly restart: boolean; readonly previous: PowerStatus },
): EmulatorJob {
  const server = world.servers.get(resize.serverId);
  if (server !== undefined) {
    setPowerStatus(server, { status: 'RESIZE', vmState: 'stopped', taskState: 'resize_prep', powerState: 4 }, timing.now);
  }
  return addJob(world, timing, JOB_TYPES.resize, { kind: 'resize', ...resize });
}

/** Starts a batch stop or start: each server shows `powering-off` / `powering-on` until the job ends. */
export function startPowerJob(world: World, timing: JobTiming, kind: 'stop' | 'start', subJobs: readonly SubJob[]): EmulatorJob {
  const busy = kind === 'stop' ? { ...RUNNING, taskState: 'powering-off' } : { ...STOPPED, taskState: 'powering-on' };
  for (const { serverId } of subJobs) {
    const server = world.servers.get(serverId);
    if (server !== undefined) setPowerStatus(server, busy, timing.now);
  }
  return addJob(world, timing, JOB_TYPES[kind], { kind, subJobs });
}

/** Moves every unfinished job to its status at `now`, applying the effects of those that end. */
export function advanceJobs(world: World, now: number): void {
  for (const job of world.jobs.values()) {
    if (job.status === 'SUCCESS' || job.status === 'FAIL') continue;
    const elapsed = now - job.beginTime;
    if (elapsed >= job.durationMs) {
      const failure = complete(world, job.task, job.beginTime + job.durationMs);
      job.status = failure === undefined ? 'SUCCESS' : 'FAIL';
      job.errorCode = failure?.code ?? null;
      job.failReason = failure?.reason ?? null;
    } else {
      job.status = elapsed < job.durationMs * INIT_SHARE ? 'INIT' : 'RUNNING';
    }
  }
}

/** `end_time` of a finished job (its planned end, not when it was observed), else undefined. */
export function endTimeOf(job: EmulatorJob): number | undefined {
  return job.status === 'SUCCESS' || job.status === 'FAIL' ? job.beginTime + job.durationMs : undefined;
}

function addJob(world: World, timing: JobTiming, jobType: string, task: JobTask): EmulatorJob {
  const job: EmulatorJob = {
    jobId: timing.jobId,
    jobType,
    beginTime: timing.now,
    durationMs: timing.durationMs,
    status: 'INIT',
    errorCode: null,
    failReason: null,
    task,
  };
  world.jobs.set(job.jobId, job);
  return job;
}

/** Applies the end of a job at `end`; returns why it failed, if it did. */
function complete(world: World, task: JobTask, end: number): { code: string; reason: string } | undefined {
  if (task.kind !== 'resize') {
    for (const { serverId } of task.subJobs) {
      const server = world.servers.get(serverId);
      if (server !== undefined) setPowerStatus(server, task.kind === 'stop' ? STOPPED : RUNNING, end);
    }
    return undefined;
  }
  const server = world.servers.get(task.serverId);
  if (server === undefined) return { code: 'Ecs.0207', reason: ecsMessage('Ecs.0114') };
  const target = world.flavors.get(task.flavorRef);
  const failure =
    target === undefined ? { code: 'Ecs.0207', reason: ecsMessage('Ecs.0029') } : lateResizeFailure(world, server, target);
  if (failure !== undefined) {
    setPowerStatus(server, task.previous, end);
    return failure;
  }
  server.flavorId = task.flavorRef;
  setPowerStatus(server, task.restart ? RUNNING : STOPPED, end);
  return undefined;
}
