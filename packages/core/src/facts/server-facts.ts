import type { ResizeFacts } from '@ecs-resize/rules';
import type { Server } from '../schemas/server.js';
import type { Volume } from '../schemas/volume.js';

/** `metadata.charging_mode` values (ecs-api.md §4.3). */
const CHARGING_MODES: Readonly<Record<string, ResizeFacts['server']['chargingMode']>> = {
  '0': 'postPaid',
  '1': 'prePaid',
  '2': 'spot',
};

/**
 * The disks of a server as facts. SCSI when EVS says `hw:passthrough` "true", VBD otherwise
 * (the API's default). A disk EVS did not return counts as VBD, the type that the 24-disk
 * limit counts, and its status stays unknown.
 */
export function diskFacts(volumeIds: readonly string[], volumes: ReadonlyMap<string, Volume>): ResizeFacts['server']['disks'] {
  return volumeIds.map((id) => {
    const volume = volumes.get(id);
    return {
      id,
      type: volume?.metadata?.['hw:passthrough'] === 'true' ? 'SCSI' : 'VBD',
      ...(volume?.status ? { status: volume.status } : {}),
    };
  });
}

/** The first non-empty string of a scheduler hint, which may be a string or a list of them. */
function firstHint(hint: string | readonly string[] | null | undefined): string | undefined {
  const values = typeof hint === 'string' ? [hint] : (hint ?? []);
  return values.find((value) => value !== '');
}

/**
 * The dedicated host the server runs on, from `os:scheduler_hints.dedicated_host_id`: its id;
 * `null` when the hints name none and the tenancy is not `dedicated`; undefined (unknown) when
 * the server has no hints, or is dedicated without a host id.
 */
export function dedicatedHostOf(server: Server): string | null | undefined {
  const hints = server['os:scheduler_hints'];
  if (!hints) return undefined;
  const hostId = firstHint(hints.dedicated_host_id);
  if (hostId !== undefined) return hostId;
  return firstHint(hints.tenancy) === 'dedicated' ? undefined : null;
}

/**
 * The server's state as facts. `frozen` comes from `metadata.EcmResStatus` (absent there
 * means not frozen; unknown only when the server has no metadata at all); `chargingMode`
 * from `metadata.charging_mode`; `dedicatedHostId` from {@link dedicatedHostOf}.
 */
export function serverStateFacts(
  server: Server,
): Pick<
  ResizeFacts['server'],
  'id' | 'status' | 'vmState' | 'taskState' | 'locked' | 'frozen' | 'chargingMode' | 'dedicatedHostId'
> {
  const vmState = server['OS-EXT-STS:vm_state'];
  const taskState = server['OS-EXT-STS:task_state'];
  const mode = server.metadata?.['charging_mode'] ?? '';
  const chargingMode = Object.hasOwn(CHARGING_MODES, mode) ? CHARGING_MODES[mode] : undefined;
  const dedicatedHostId = dedicatedHostOf(server);
  return {
    id: server.id,
    status: server.status,
    ...(vmState ? { vmState } : {}),
    ...(taskState === undefined ? {} : { taskState }),
    ...(typeof server.locked === 'boolean' ? { locked: server.locked } : {}),
    ...(server.metadata ? { frozen: server.metadata['EcmResStatus'] === 'freeze' } : {}),
    ...(chargingMode ? { chargingMode } : {}),
    ...(dedicatedHostId === undefined ? {} : { dedicatedHostId }),
  };
}
