// Requests made by collectFacts: for one server, and for 100 servers sharing flavors through
// one client (the flavor list is fetched once), against a new client per server (no cache).
import { createEcsClient } from '@ecs-resize/core';
import { DEFAULT_TOKEN, fleetData, startEmulator } from '@ecs-resize/emulator';

/** Counts the emulator's requests made while `work` runs. */
async function requestsDuring(emulator, work) {
  const before = emulator.state.countRequests();
  await work();
  return emulator.state.countRequests() - before;
}

/** Measures the requests of collectFacts for 1 and for `fleetSize` servers. */
export async function measureCollectFactsRequests({ fleetSize = 100 } = {}) {
  const emulator = await startEmulator({ data: fleetData(fleetSize) });
  try {
    const newClient = () =>
      createEcsClient({ endpoint: emulator.url, projectId: emulator.projectId, auth: { token: DEFAULT_TOKEN } });
    const ids = [...emulator.state.servers.keys()];
    const one = await requestsDuring(emulator, () => newClient().collectFacts(ids[0], 's3.xlarge.2'));
    const shared = newClient();
    const fleet = await requestsDuring(emulator, async () => {
      for (const id of ids) await shared.collectFacts(id, 's3.xlarge.2');
    });
    const uncached = await requestsDuring(emulator, async () => {
      for (const id of ids) await newClient().collectFacts(id, 's3.xlarge.2');
    });
    return { one, fleetSize, fleet, uncached };
  } finally {
    await emulator.close();
  }
}
