import { describe, expect, it } from 'vitest';
import { defaultData, fleetData, startEmulator } from '../src/index.js';

describe('fleetData', () => {
  it('repeats the default servers with ids, names and disks of their own', async () => {
    const base = defaultData();
    const fleet = fleetData(base.servers.length * 2 + 3);
    expect(fleet.servers).toHaveLength(31);
    expect(new Set(fleet.servers.map((server) => server.id)).size).toBe(31);
    expect(new Set(fleet.volumes.map((volume) => volume.id)).size).toBe(fleet.volumes.length);
    const [first, again] = [fleet.servers[0]!, fleet.servers[base.servers.length]!];
    expect([again.flavorId, again.status, again.attachments.length, again.drivers]).toEqual([
      first.flavorId,
      first.status,
      first.attachments.length,
      first.drivers,
    ]);
    expect(again.name).not.toBe(first.name);
    const emulator = await startEmulator({ data: fleet });
    try {
      expect(emulator.state.servers.size).toBe(31);
    } finally {
      await emulator.close();
    }
  });
});
