import type { EmulatorServer } from './model.js';
import { isoSeconds } from './time.js';

/** The four fields that together say whether a server runs, stops or is busy. */
export interface PowerStatus {
  /** `status`. */
  readonly status: string;
  /** `OS-EXT-STS:vm_state`. */
  readonly vmState: string;
  /** `OS-EXT-STS:task_state`. */
  readonly taskState: string | null;
  /** `OS-EXT-STS:power_state`. */
  readonly powerState: number;
}

/** A stopped server at rest. */
export const STOPPED: PowerStatus = { status: 'SHUTOFF', vmState: 'stopped', taskState: null, powerState: 4 };
/** A running server at rest. */
export const RUNNING: PowerStatus = { status: 'ACTIVE', vmState: 'active', taskState: null, powerState: 1 };

/** A copy of the server's power status. */
export function powerStatusOf(server: EmulatorServer): PowerStatus {
  const { status, vmState, taskState, powerState } = server;
  return { status, vmState, taskState, powerState };
}

/** Sets the server's power status and moves `updated` to `now`. */
export function setPowerStatus(server: EmulatorServer, next: PowerStatus, now: number): void {
  server.status = next.status;
  server.vmState = next.vmState;
  server.taskState = next.taskState;
  server.powerState = next.powerState;
  server.updated = isoSeconds(now);
}

/** Whether the server is exactly in `expected` (status, vm_state and task_state; power_state is not checked). */
export function isAt(server: EmulatorServer, expected: PowerStatus): boolean {
  return server.status === expected.status && server.vmState === expected.vmState && server.taskState === expected.taskState;
}
