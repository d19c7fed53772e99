import { describe, expect, it } from 'vitest';
import { FLEET_KINDS } from '../src/data/default-data.js';
import { defaultData, fleetData, startEmulator } from '../src/index.js';

describe('fleetData', () => {
  it('repeats the first 14 default servers with ids, names and disks of their own', async () => {
    const base = defaultData();
    const count = FLEET_KINDS * 2 + 3;
    const fleet = fleetData(count);
    expect(fleet.servers).toHaveLength(31);
    expect(fleet.servers.slice(0, FLEET_KINDS).map((server) => server.flavorId)).toEqual(
      base.servers.slice(0, FLEET_KINDS).map((server) => server.flavorId),
    );
    expect(new Set(fleet.servers.map((server) => server.id)).size).toBe(count);
    expect(new Set(fleet.volumes.map((volume) => volume.id)).size).toBe(fleet.volumes.length);
    const [first, again] = [fleet.servers[0]!, fleet.servers[FLEET_KINDS]!];
    expect([again.flavorId, again.status, again.attachments.length, again.drivers]).toEqual([
      first.flavorId,
      first.status,
      first.attachments.length,
      first.drivers,
    ]);
    expect(again.name).not.toBe(first.name);
    const emulator = await startEmulator({ data: fleet });
    try {
      expect(emulator.state.servers.size).toBe(count);
    } finally {
      await emulator.close();
    }
  });
});
