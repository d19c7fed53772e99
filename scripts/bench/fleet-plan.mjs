// Fleet planning against the emulator (own process): requests made and wall time of planFleet
// for growing fleets, against the naive count (collectFacts one server after another on one
// client: 5 requests a server, the server, resize_flavors and the empty page that ends it, its
// NICs and its EVS disks, plus the flavor list once).
import { createEcsClient } from '@ecs-resize/core';
import { DEFAULT_TOKEN } from '@ecs-resize/emulator';
import { planFleet } from '@ecs-resize/fleet';
import { createRuleEngine } from '@ecs-resize/rules';
import { startEmulatorProcess } from './emulator-process-client.mjs';

/** Plans a fleet of `size` servers (every one to s3.xlarge.2); returns requests and time. */
async function planOnce(size) {
  const emulator = await startEmulatorProcess(['--fleet', String(size)]);
  try {
    let requests = 0;
    const client = createEcsClient({
      endpoint: emulator.url,
      projectId: emulator.projectId,
      auth: { token: DEFAULT_TOKEN },
      hooks: { beforeRequest: [() => void (requests += 1)] },
    });
    const servers = (await client.listServers({ pageSize: 1000 })).map((server) => server.id);
    requests = 0;
    const started = performance.now();
    const plan = await planFleet(
      client,
      createRuleEngine(),
      servers.map((serverId) => ({ serverId, flavorRef: 's3.xlarge.2' })),
    );
    const ms = performance.now() - started;
    return { size, requests, naive: 5 * size + 1, ms, summary: plan.summary };
  } finally {
    emulator.stop();
  }
}

/** Plans fleets of each size, one after another: up to 20,000 servers, where wall time must stay linear. */
export async function measureFleetPlanning(sizes = [100, 1000, 5000, 20_000]) {
  const results = [];
  for (const size of sizes) results.push(await planOnce(size));
  return results;
}
