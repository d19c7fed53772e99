// Runs the emulator in a process of its own, so that a benchmark's client does not share its
// event loop with the server. Prints the emulator's URL and project id as one JSON line.
import { startEmulator } from '@ecs-resize/emulator';

const emulator = await startEmulator();
console.log(JSON.stringify({ url: emulator.url, projectId: emulator.projectId }));
process.on('SIGTERM', () => void emulator.close().then(() => process.exit(0)));
