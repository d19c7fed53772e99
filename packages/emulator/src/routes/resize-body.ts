import { isObject, onlyKeys, readJsonObject } from '../json-body.js';

/** A valid resize request body, parsed. */
export interface ResizeRequest {
  /** `resize.flavorRef`. */
  readonly flavorRef: string;
  /** `resize.mode`. */
  readonly mode: 'withStopServer' | undefined;
  /** `resize.dedicated_host_id`: the dedicated host to resize on. */
  readonly dedicatedHostId: string | undefined;
  /** Top-level `dry_run`. */
  readonly dryRun: boolean;
}

/** Why a resize body is refused: blank (`Common.0002`) or invalid (`Ecs.0005`). */
export type ResizeBodyError = 'Common.0002' | 'Ecs.0005';

/** Keys `resize` may hold, per API version (SDK models, ecs-api.md §1.1 and §1.2). */
const RESIZE_KEYS = {
  // UNCONFIRMED whether v1 still accepts dedicated_host_id; the legacy SDK sends it, so it is accepted.
  v1: ['flavorRef', 'mode', 'cpu_options', 'dedicated_host_id'],
  'v1.1': ['flavorRef', 'mode', 'cpu_options', 'dedicated_host_id', 'extendparam'],
} as const;

/**
 * Parses and strictly validates a resize body: `{"resize": {...}, "dry_run"?: boolean}`, no
 * unknown keys at either level, a non-empty string `flavorRef`, `mode` only `withStopServer`,
 * `extendparam.isAutoPay` only the strings "true"/"false" (and only on v1.1),
 * `cpu_options["hw:cpu_threads"]` only 1 or 2, `dedicated_host_id` a non-empty string.
 */
export function parseResizeBody(body: Buffer, apiVersion: 'v1' | 'v1.1'): ResizeRequest | ResizeBodyError {
  const parsed = readJsonObject(body);
  if (parsed === 'blank') return 'Common.0002';
  if (parsed === 'invalid' || !onlyKeys(parsed, ['resize', 'dry_run'])) return 'Ecs.0005';
  const { resize, dry_run: dryRun = false } = parsed;
  if (typeof dryRun !== 'boolean' || !isObject(resize) || !onlyKeys(resize, RESIZE_KEYS[apiVersion])) return 'Ecs.0005';
  const { flavorRef, mode, extendparam, cpu_options: cpuOptions, dedicated_host_id: hostId } = resize;
  const validOptions =
    (extendparam === undefined || hasOnly(extendparam, 'isAutoPay', [undefined, 'true', 'false'])) &&
    (cpuOptions === undefined || hasOnly(cpuOptions, 'hw:cpu_threads', [undefined, 1, 2])) &&
    (hostId === undefined || (typeof hostId === 'string' && hostId !== ''));
  if (
    typeof flavorRef !== 'string' ||
    flavorRef.trim() === '' ||
    (mode !== undefined && mode !== 'withStopServer') ||
    !validOptions
  ) {
    return 'Ecs.0005';
  }
  return { flavorRef, mode, dedicatedHostId: hostId, dryRun };
}

/** Whether `value` is an object whose only possible key is `key`, with one of `allowed` as its value. */
function hasOnly(value: unknown, key: string, allowed: readonly unknown[]): boolean {
  return isObject(value) && onlyKeys(value, [key]) && allowed.includes(value[key]);
}
