// The demo: starts the embedded ECS emulator, then resizes one seeded server with the client
// (AK/SK signed, over real HTTP), shows the job's progress and the result. Run: pnpm start
import { createEcsClient, EcsApiError } from '@ecs-resize/core';
import { DEFAULT_CREDENTIALS, SERVERS, startEmulator } from '@ecs-resize/emulator';

const emulator = await startEmulator({ jobDurationMs: 4000 });
const ecs = createEcsClient({ endpoint: emulator.url, projectId: emulator.projectId, auth: DEFAULT_CREDENTIALS });

/** One line describing a server's flavor and state. */
const describe = (server) =>
  `${server.name}: ${server.flavor.id} (${server.flavor.vcpus} vCPUs, ${Number(server.flavor.ram) / 1024} GiB), ${server.status}`;

try {
  console.log(`ECS emulator listening on ${emulator.url}\n`);

  console.log('1. A running server cannot be resized without withStopServer:');
  await ecs.resize(SERVERS.kvmRunning, 's3.xlarge.2').catch((error) => {
    if (!(error instanceof EcsApiError)) throw error;
    console.log(`   refused with ${error.code} (HTTP ${error.status}). ${error.hint}\n`);
  });

  const serverId = SERVERS.xenDrivers;
  const target = 's3.large.2';
  console.log('2. A stopped Xen server, guest drivers installed, to a KVM flavor:');
  console.log(`   before: ${describe(await ecs.getServer(serverId))}`);
  const targets = await ecs.listResizeFlavors(serverId);
  console.log(`   ${targets.length} target flavors allowed; ${target} is one: ${targets.some((f) => f.id === target)}`);
  const { jobId } = await ecs.resize(serverId, target);
  console.log(`   resize accepted, job ${jobId}`);
  const started = Date.now();
  let lastStatus;
  const job = await ecs.waitForJob(jobId, {
    interval: 250,
    maxInterval: 1000,
    onProgress: (polled) => {
      if (polled.status === lastStatus) return;
      lastStatus = polled.status;
      console.log(`   job ${polled.status.padEnd(7)} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    },
  });
  console.log(`   after:  ${describe(await ecs.getServer(serverId))}`);
  console.log(`\nDone: job ${job.job_id} ended ${job.status}; ${emulator.state.countRequests()} requests served.`);
} finally {
  await emulator.close();
}
