import type { PowerStatus } from './server-states.js';

/** A job's `status`. */
export type JobStatus = 'INIT' | 'RUNNING' | 'SUCCESS' | 'FAIL';

/** One server's part of a batch job (`entities.sub_jobs[]`). */
export interface SubJob {
  /** The sub-job's id. */
  readonly jobId: string;
  /** The server it acts on. */
  readonly serverId: string;
}

/** What a job does when it ends. */
export type JobTask =
  | {
      readonly kind: 'resize';
      /** The server resized. */
      readonly serverId: string;
      /** The target flavor. */
      readonly flavorRef: string;
      /** Start the server again at the end (it was running and `mode` was `withStopServer`). */
      readonly restart: boolean;
      /** The power status to restore when the resize fails. */
      readonly previous: PowerStatus;
    }
  | {
      readonly kind: 'stop' | 'start';
      /** One sub-job per server. */
      readonly subJobs: readonly SubJob[];
    };

/** An asynchronous job (`GET /v1/{project_id}/jobs/{job_id}`). */
export interface EmulatorJob {
  /** `job_id`. */
  readonly jobId: string;
  /** `job_type`. */
  readonly jobType: string;
  /** Start, in epoch milliseconds. */
  readonly beginTime: number;
  /** How long it runs, in milliseconds. */
  readonly durationMs: number;
  /** `status`: INIT for the first tenth of the duration, then RUNNING, then SUCCESS or FAIL. */
  status: JobStatus;
  /** `error_code`: null unless FAIL. */
  errorCode: string | null;
  /** `fail_reason`: null unless FAIL. */
  failReason: string | null;
  /** What it does. */
  readonly task: JobTask;
}
