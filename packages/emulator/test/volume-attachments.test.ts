import { describe, expect, it, onTestFinished } from 'vitest';
import { SERVERS, startEmulator, type EmulatorState } from '../src/index.js';
import { getJson, type Json } from './helpers.js';

/** The id of the new server the third case adds. */
const NEW_SERVER = '6f1b3c2a-0d4e-4b7a-9c11-2a5e8f0000ff';

/** The last data disk of kvm-c6-scsi-disks (the volume the cases move), and the server itself. */
function scsiServer(state: EmulatorState) {
  const server = state.servers.get(SERVERS.kvmScsi)!;
  return { server, attachment: server.attachments.at(-1)! };
}

/** Changes made through the emulator's state after the volumes were listed once (so indexed). */
const CHANGES: readonly { name: string; change: (state: EmulatorState) => void; attachedTo: readonly string[] }[] = [
  { name: 'a detached volume', change: (state) => void scsiServer(state).server.attachments.pop(), attachedTo: [] },
  {
    name: 'a volume moved to another server',
    change: (state) => {
      const { attachment } = scsiServer(state);
      scsiServer(state).server.attachments.pop();
      state.servers.get(SERVERS.kvmRunning)!.attachments.push(attachment);
    },
    attachedTo: [SERVERS.kvmRunning],
  },
  {
    name: 'a new server attached to the same volume',
    change: (state) => {
      const { server, attachment } = scsiServer(state);
      state.servers.set(NEW_SERVER, { ...server, id: NEW_SERVER, attachments: [attachment] });
    },
    attachedTo: [SERVERS.kvmScsi, NEW_SERVER],
  },
];

describe('GET /v2/{project_id}/cloudvolumes/detail follows attachments changed through the state', () => {
  it.each(CHANGES)('$name', async ({ change, attachedTo }) => {
    const emulator = await startEmulator();
    onTestFinished(() => emulator.close());
    const volumeId = scsiServer(emulator.state).attachment.volumeId;
    const serversOf = async () => {
      const { body } = await getJson(emulator, `/v2/{p}/cloudvolumes/detail?ids=${encodeURIComponent(`['${volumeId}']`)}`);
      return body.volumes[0].attachments.map((attachment: Json) => attachment.server_id);
    };
    expect(await serversOf()).toEqual([SERVERS.kvmScsi]);
    change(emulator.state);
    expect(await serversOf()).toEqual(attachedTo);
  });
});
