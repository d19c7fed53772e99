import type { EmulatorAttachment, EmulatorServer } from './model.js';
import type { World } from './state.js';

/** One attachment of a volume: the server it is attached to, and how. */
export interface VolumeAttachment {
  /** The server. */
  readonly server: EmulatorServer;
  /** The attachment, as the server lists it. */
  readonly attachment: EmulatorAttachment;
}

/**
 * The index of each world, built on first use and kept until {@link forgetVolumeAttachments}:
 * one pass over the servers for every request in between, instead of one pass per request
 * (a fleet has tens of thousands of servers, and its planning asks for every volume).
 */
const indexes = new WeakMap<World, ReadonlyMap<string, readonly VolumeAttachment[]>>();

/** Where the volume `volumeId` is attached, in the order of the servers; empty when nowhere. */
export function attachmentsOfVolume(world: World, volumeId: string): readonly VolumeAttachment[] {
  let index = indexes.get(world);
  if (index === undefined) {
    index = indexAttachments(world);
    indexes.set(world, index);
  }
  return index.get(volumeId) ?? [];
}

/**
 * Drops the index of `world`: called whenever its servers may change from outside (each read of
 * the emulator's `state`), so that the next request indexes them again.
 */
export function forgetVolumeAttachments(world: World): void {
  indexes.delete(world);
}

/** Every attachment of every server, by volume id, in one pass. */
function indexAttachments(world: World): Map<string, VolumeAttachment[]> {
  const index = new Map<string, VolumeAttachment[]>();
  for (const server of world.servers.values()) {
    for (const attachment of server.attachments) {
      const found = index.get(attachment.volumeId);
      if (found === undefined) index.set(attachment.volumeId, [{ server, attachment }]);
      else found.push({ server, attachment });
    }
  }
  return index;
}
