/**
 * @ecs-resize/emulator: a local emulator of the Huawei Cloud / Open Telekom Cloud ECS resize
 * API on node:http, for integration tests and demos.
 */
export { startEmulator } from './server.js';
export {
  DEFAULT_CREDENTIALS,
  DEFAULT_PROJECT_ID,
  DEFAULT_TOKEN,
  type AccessKeyPair,
  type Emulator,
  type EmulatorAuth,
  type EmulatorOptions,
} from './options.js';
export { DEDICATED_HOST_ID, defaultData, fleetData, SERVERS } from './data/default-data.js';
export { defaultFlavors } from './data/flavors.js';
export type {
  EmulatorAttachment,
  EmulatorData,
  EmulatorFlavor,
  EmulatorNic,
  EmulatorServer,
  EmulatorVolume,
  ServerDrivers,
} from './model.js';
export type { EmulatorState, RequestLogEntry, ResizeJobRecord } from './state.js';
export type { EmulatorJob, JobStatus, JobTask, SubJob } from './job-model.js';
export type { RouteName } from './route-names.js';
export type { Fault, FaultKind, FaultPhase } from './faults.js';
export {
  canonicalRequest,
  computeSignature,
  MAX_CLOCK_SKEW_MS,
  verifyRequest,
  type HeaderValues,
  type ReceivedRequest,
  type SignatureFailure,
  type SignatureInput,
  type VerifyResult,
} from './auth/verify-signature.js';
export type { PowerStatus } from './server-states.js';
