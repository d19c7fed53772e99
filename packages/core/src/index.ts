// The public API of @ecs-resize/core, name by name: what a bundle and the browser IIFE get is
// this list, nothing by accident. Types cost nothing in a bundle; each value export is used.

// The modular form: a connection, and every operation taking it first.
export { createEcsConnection, type EcsConnection, type ConnectionTransport } from './connection/create-ecs-connection.js';
export { MAX_TIMEOUT, type EcsClientOptions } from './connection/connection-options.js';
export { resize, type ResizeOptions, type ResizeResult } from './operations/resize.js';
export { waitForJob, type WaitForJobOptions } from './operations/wait-for-job.js';
export { getJob } from './operations/get-job.js';
export { getServer } from './operations/get-server.js';
export {
  listServers,
  listServersPage,
  type ListServersOptions,
  type ListServersPageOptions,
  type ServersPage,
} from './operations/list-servers.js';
export {
  listResizeFlavors,
  listResizeFlavorsForFlavor,
  type ListResizeFlavorsOptions,
} from './operations/list-resize-flavors.js';
export { listFlavors, type ListFlavorsOptions } from './operations/list-flavors.js';
export { listBlockDevices } from './operations/list-block-devices.js';
export { listServerInterfaces } from './operations/list-server-interfaces.js';
export { getVolumes } from './operations/get-volumes.js';
export { collectFacts, type CollectFactsOptions } from './facts/collect-facts.js';
export { check, type CheckOptions, type CheckResult } from './check/check.js';
export { checkTargets, type CheckTargetsOptions, type TargetCheck } from './check/check-targets.js';
export type { RequestOptions } from './input/request-options.js';
// Tells a server id (a UUID) from a server name, as every operation's input check does.
export { isServerId } from './input/server-id-schema.js';

// The convenience: every operation bound to one connection (contract).
export { createEcsClient, type EcsClient } from './client/create-ecs-client.js';

// Signing (contract), for requests the client does not make.
export { signRequest } from './auth/sign-request.js';
export type { AkSkCredentials, TokenCredentials } from './auth/credentials.js';

// Errors (contract), and the helpers that read them: isEcsError across realms,
// isTransientError for callers' own retries, redactSecrets for callers' own logs; messageOf (anything
// thrown) and countOf (`2 errors`) for the text of tools built on core, the CLI and the console.
export { EcsError, isEcsError } from './errors/EcsError.js';
export { EcsInputError, type InputIssue } from './errors/EcsInputError.js';
export { EcsApiError, type ApiErrorDetail, type EcsApiErrorInit } from './errors/EcsApiError.js';
// What an API error says to do: core's table, which a client from createEcsClient gives its errors.
export { apiErrorHint } from './errors/api-error-hints.js';
export type { ApiErrorAdvice } from './errors/api-error-advice.js';
export { EcsNetworkError } from './errors/EcsNetworkError.js';
export { EcsTimeoutError } from './errors/EcsTimeoutError.js';
export { EcsResponseError } from './errors/EcsResponseError.js';
export { JobFailedError } from './errors/JobFailedError.js';
export { JobTimeoutError } from './errors/JobTimeoutError.js';
export { PreflightError } from './errors/PreflightError.js';
export { isTransientError } from './errors/is-transient.js';
export { isWrongEndpointError } from './errors/wrong-endpoint.js';
export { redactSecrets } from './http/redact.js';
export { messageOf } from './utils/message-of.js';
export { countOf } from './utils/count-of.js';

// The preflight port (`@ecs-resize/rules`' engine implements it) and the facts' inputs.
export type { Preflight, PreflightFinding, PreflightReport } from './preflight/preflight.js';
export type { Confirmations } from './facts/assemble-facts.js';
// Stays: the CLI's `flavors` command shows each target's facts as the rules see them.
export { flavorFacts } from './facts/flavor-facts.js';

// The API's objects, in its own JSON shape.
export type { Server } from './schemas/server.js';
export type { Flavor, ResizeFlavor } from './schemas/flavor.js';
export type { BlockDevice } from './schemas/block-device.js';
export type { InterfaceAttachment } from './schemas/interface-attachment.js';
export type { Volume } from './schemas/volume.js';
export type { Job } from './schemas/job.js';
