import { createBuiltInRule } from './create-built-in-rule.js';

/**
 * The server must be stopped: status SHUTOFF, vm_state `stopped` (when known) and no task
 * (SHUTOFF while `powering-on` is not stopped; an unknown task state cannot be verified). With `mode: 'withStopServer'` a running server
 * (ACTIVE, no task) is fine too; a transitional or error state never is.
 */
export const serverStopped = createBuiltInRule({
  name: 'server-stopped',
  meta: {
    type: 'problem',
    docs: {
      description: 'The server must be stopped, or running with a resize that stops it, and no task may be in progress.',
      recommended: true,
    },
    refusal: 'at-once',
    errorCodes: ['Ecs.0100'],
    messages: {
      notStopped:
        'Server {{serverId}} is {{status}}; it must be stopped (SHUTOFF) to be resized. Stop it first, or resize in the mode in which the cloud stops and restarts it.',
      busy: 'Server {{serverId}} is {{status}} with task {{taskState}} in progress. Wait until the task ends, then check again.',
      transitional:
        'Server {{serverId}} is {{status}} (VM state {{vmState}}); a resize needs it stopped, or running in the mode in which the cloud stops it. Wait until it is SHUTOFF or ACTIVE with no task, or repair it first.',
      unverified:
        'Could not verify that no task is running on server {{serverId}} ({{status}}): its task state is unknown, and a server still shows SHUTOFF while it powers on. Check that no task is running on it, then check again.',
    },
  },
  check({ server, mode }) {
    const { status, vmState, taskState } = server;
    const busy = taskState !== undefined && taskState !== null && taskState !== '';
    const stopped = status === 'SHUTOFF' && (vmState === undefined || vmState === 'stopped');
    const running = status === 'ACTIVE' && (vmState === undefined || vmState === 'active');
    const resizable = stopped || (running && mode === 'withStopServer');
    if (resizable && !busy && taskState !== undefined) return [];
    const data = { serverId: server.id, status };
    if (busy && (stopped || running)) return [{ messageId: 'busy', data: { ...data, taskState } }];
    if (resizable) return [{ messageId: 'unverified', data, unverified: true }];
    return [
      running
        ? { messageId: 'notStopped', data }
        : { messageId: 'transitional', data: { ...data, vmState: vmState ?? 'unknown' } },
    ];
  },
});
