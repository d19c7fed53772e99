/**
 * `@ecs-resize/core/internal`: the building blocks core shares with the other packages of this
 * repository (`@ecs-resize/fleet` builds a fleet's facts from shared look-ups with them). Not
 * a public API: no semver promise, and no page needs it. Each name is listed, as in the main
 * entry.
 * @internal
 * @packageDocumentation
 */

// Facts from look-ups already made, and the preflight run on them.
export { assembleFacts, type FactsSources, type RequestFacts } from '../facts/assemble-facts.js';
export { _checkFacts } from '../check/check.js';

// Input validation, as every operation does it: the schemas, and the EcsInputError they throw.
export { parseInput } from '../input/parse-input.js';
export { IdSchema } from '../input/id-schema.js';
export { ModeSchema } from '../input/mode-schema.js';
export { SignalSchema } from '../input/request-options.js';
export { wholeNumber } from '../input/whole-number.js';
export { ConfirmationsSchema } from '../facts/confirmations-schema.js';
export { RequestFactsEntries } from '../facts/request-facts-schema.js';
export { PreflightSchema } from '../preflight/preflight.js';

// The API's limits on a call.
export { MAX_SERVER_PAGE_SIZE } from '../operations/list-servers.js';
export { MAX_VOLUME_IDS_PER_CALL } from '../operations/get-volumes.js';

// Work over many items, a few at a time.
export { mapConcurrent } from '../utils/map-concurrent.js';
