// Preloaded into a child process (`node --import`): counts the TCP connections it tries to
// open, refused ones included, and writes the count to the file named by
// ECS_TEST_CONNECTIONS_FILE when it exits. It only observes: nothing is changed or faked.
import { subscribe } from 'node:diagnostics_channel';
import { writeFileSync } from 'node:fs';

let connections = 0;
subscribe('net.client.socket', () => {
  connections += 1;
});
process.on('exit', () => writeFileSync(process.env.ECS_TEST_CONNECTIONS_FILE ?? '', String(connections)));
