// Runs the emulator in a process of its own, so that a benchmark's client does not share its
// event loop with the server. Prints the emulator's URL and project id as one JSON line.
// `--fleet N` serves `fleetData(N)` instead of the default servers.
import { fleetData, startEmulator } from '@ecs-resize/emulator';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { fleet: { type: 'string' } } });
const emulator = await startEmulator(values.fleet ? { data: fleetData(Number(values.fleet)) } : {});
console.log(JSON.stringify({ url: emulator.url, projectId: emulator.projectId }));
process.on('SIGTERM', () => void emulator.close().then(() => process.exit(0)));
