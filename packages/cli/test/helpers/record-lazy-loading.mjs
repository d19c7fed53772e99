// Preloaded into a child process (`node --import`): records whether the process touched the
// global `Request` (ky does when it loads; in Node 20 that first touch loads undici), whether
// Node loaded its fetch implementation (undici) and whether it loaded node:crypto, and writes
// the three as JSON to the file named by ECS_TEST_LOADING_FILE when it exits. It only
// observes: the global still gives Node's own `Request`.
import { writeFileSync } from 'node:fs';

let requestTouched = false;
const original = Object.getOwnPropertyDescriptor(globalThis, 'Request');
Object.defineProperty(globalThis, 'Request', {
  configurable: true,
  enumerable: false,
  get() {
    requestTouched = true;
    return original?.get ? original.get.call(this) : original?.value;
  },
});
process.on('exit', () => {
  const loaded = (name) => process.moduleLoadList.includes(`NativeModule ${name}`);
  const report = { requestTouched, undiciLoaded: loaded('internal/deps/undici/undici'), cryptoLoaded: loaded('crypto') };
  writeFileSync(process.env.ECS_TEST_LOADING_FILE ?? '', JSON.stringify(report));
});
