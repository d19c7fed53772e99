// The browser bundle's API, name by name: the IIFE's global `EcsResize` gets exactly these
// (nothing through `export *`). What a console page needs: the client (bound or modular),
// the checks, the errors, the rules, and the DOM helpers. Fleets and the CLI's helpers stay
// out (import them from @ecs-resize/core where a bundler is used).

// The client: the modular operations and the bound client (contract), and AK/SK signing.
export {
  createEcsConnection,
  createEcsClient,
  resize,
  waitForJob,
  getJob,
  getServer,
  listServers,
  listServersPage,
  listResizeFlavors,
  listResizeFlavorsForFlavor,
  listFlavors,
  listBlockDevices,
  listServerInterfaces,
  getVolumes,
  collectFacts,
  check,
  checkTargets,
  signRequest,
  type EcsConnection,
  type EcsClient,
  type EcsClientOptions,
  type ResizeOptions,
  type ResizeResult,
  type WaitForJobOptions,
  type CheckOptions,
  type CheckResult,
  type CheckTargetsOptions,
  type TargetCheck,
  type CollectFactsOptions,
  type Confirmations,
  type Preflight,
  type PreflightReport,
  type PreflightFinding,
  type AkSkCredentials,
  type TokenCredentials,
  type Server,
  type Flavor,
  type ResizeFlavor,
  type Job,
} from '@ecs-resize/core';

// The errors (contract), with the guards a page uses on them.
export {
  EcsError,
  isEcsError,
  EcsInputError,
  EcsApiError,
  EcsNetworkError,
  EcsTimeoutError,
  EcsResponseError,
  JobFailedError,
  JobTimeoutError,
  PreflightError,
  isTransientError,
  redactSecrets,
} from '@ecs-resize/core';

// The rules: the engine, its configs, the confirmations a form offers, plugin authoring.
export {
  createRuleEngine,
  defineRule,
  listConfirmations,
  isConfirmed,
  recommended,
  configs,
  plugin,
  ResizeFactsSchema,
  RuleConfigError,
  InvalidFactsError,
  type RuleEngine,
  type RuleEngineOptions,
  type ResizeFacts,
  type Report,
  type Finding,
  type Rule,
  type RuleConfig,
  type RuleConfirmation,
} from '@ecs-resize/rules';

// The DOM helpers.
export { renderReport, type RenderReportOptions, type ReportLabels } from './dom/render-report.js';
export { defineResizeCheckElement, type ResizeCheckElement, type ResizeCheckEventMap } from './dom/resize-check-element.js';
export {
  defineResizeConsoleElement,
  type ResizeConsoleElement,
  type ResizeConsoleEventMap,
} from './dom/resize-console-element.js';
