import { isServerId } from '@ecs-resize/core';
import { UsageError } from '../errors/UsageError.js';
import { refuseDuplicateServers, type DuplicateServersWording } from '../input/refuse-duplicate-servers.js';
import { providerModelOf, type ProviderRequest } from './provider-models.js';
import type { PlanResourceChange, PlanValues, TerraformPlan } from './read-plan-file.js';

/** A server whose flavor the plan changes: one resize to check. */
export interface FlavorChange {
  /** The resource's address in the plan. */
  readonly address: string;
  /** The resource type, e.g. `huaweicloud_compute_instance`. */
  readonly type: string;
  /** The server: the resource's `id`. */
  readonly serverId: string;
  /** The flavor before, as the plan says it. */
  readonly from: string;
  /** The flavor after: the resize's target. */
  readonly to: string;
  /** What the provider will send with the resize. */
  readonly request: ProviderRequest;
}

/** A change to a server the check leaves alone, that the operator should know of. */
export interface PlanNote {
  readonly address: string;
  /** What happens to it, and that it is not checked. */
  readonly note: string;
}

/** What a plan changes, for the check. */
export interface PlanFlavorChanges {
  /** The resizes, in plan order. */
  readonly resizes: readonly FlavorChange[];
  /** Servers replaced, or whose new flavor is known only at apply (not checked); flavor attributes that disagree. */
  readonly notes: readonly PlanNote[];
  /** How many resource changes are neither resizes nor noted servers (other types, creates, tags, no-ops, ...). */
  readonly skipped: number;
}

/** The most resource addresses a refusal names for one server; the rest are counted. */
const MAX_LISTED_ADDRESSES = 3;

/**
 * The longest flavor the check prints: what the facts schema takes as a flavor id (`Text` in
 * `@ecs-resize/rules`, 256 characters); real flavor names are a dozen. What a flavor may hold
 * is checked later: core refuses a `flavorRef` that is not an id (the server's error verdict),
 * and the output removes control characters.
 */
const MAX_FLAVOR_LENGTH = 256;

/** Whether the actions replace the resource: delete then create, or create then delete. */
const isReplace = (actions: readonly string[]) => actions.includes('delete') && actions.includes('create');

/** Whether the actions only update the resource in place. */
const isUpdate = (actions: readonly string[]) => actions.length === 1 && actions[0] === 'update';

/** The first flavor attribute whose value changes, both values known; else the first whose new value is unknown. */
function flavorChangeOf(attributes: readonly string[], before: PlanValues, after: PlanValues, afterUnknown: PlanValues) {
  const changed = attributes.find((name) => {
    const [from, to] = [before[name], after[name]];
    return typeof from === 'string' && typeof to === 'string' && afterUnknown[name] !== true && from !== to;
  });
  if (changed !== undefined) return { attribute: changed, from: before[changed] as string, to: after[changed] as string };
  return { unknown: attributes.find((name) => typeof before[name] === 'string' && afterUnknown[name] === true) };
}

/** The server id of a resize, checked: a UUID, else the plan is refused. */
function serverIdOf(change: PlanResourceChange, name: string): string {
  const id = change.before?.['id'];
  if (typeof id === 'string' && isServerId(id)) return id;
  throw new UsageError(
    `${name}: resource_changes[${change.index}] (${change.address}) changes the flavor of a server whose id, ` +
      `${JSON.stringify(id ?? null).slice(0, 80)}, is not a server id (a UUID). Nothing was checked.`,
  );
}

/**
 * A flavor of a resize that the output prints, checked: at most {@link MAX_FLAVOR_LENGTH}
 * characters, else the plan is refused (the value is not shown).
 * @param field The attribute as the message names it: `flavor_id`, `new flavor_id`.
 */
function flavorOf(change: PlanResourceChange, field: string, flavor: string, name: string): string {
  if (flavor.length <= MAX_FLAVOR_LENGTH) return flavor;
  throw new UsageError(
    `${name}: resource_changes[${change.index}] (${change.address}) changes the flavor of a server whose ${field} ` +
      `is ${flavor.length.toLocaleString('en')} characters long; a flavor has at most ${MAX_FLAVOR_LENGTH}. Nothing was checked.`,
  );
}

/**
 * The note for a resource whose flavor attributes change to different flavors: the check
 * takes the first (`flavor_id`), but which one the provider sends is not in the spec
 * (ecs-api.md §9.1 says only "on a flavor_id or flavor_name change"): UNCONFIRMED, so the
 * operator is told that the other one was not checked.
 * @throws {UsageError} When the other new flavor is too long to print.
 */
function conflictNoteOf(change: PlanResourceChange, attributes: readonly string[], to: string, name: string) {
  const before = change.before ?? {};
  const after = change.after ?? {};
  const checked = attributes.find((attribute) => after[attribute] === to && before[attribute] !== to);
  const other = attributes.find((attribute) => {
    const value = after[attribute];
    return typeof value === 'string' && value !== to && value !== before[attribute];
  });
  if (checked === undefined || other === undefined) return undefined;
  const value = flavorOf(change, `new ${other}`, after[other] as string, name);
  return `its new ${other}, ${value}, is not its new ${checked}, ${to}: checked as a resize to ${to}, though which the provider sends is not known`;
}

/** The resource addresses of one server for a message: the first {@link MAX_LISTED_ADDRESSES}, the rest counted. */
function listedAddresses(addresses: readonly string[]): string {
  const listed = addresses.slice(0, MAX_LISTED_ADDRESSES).join(', ');
  const more = addresses.length - MAX_LISTED_ADDRESSES;
  return more > 0 ? `${listed} and ${more} more` : listed;
}

/** How a plan resizing a server from two resources is refused: each resource's address is named. */
const duplicatesWording = (resizes: readonly FlavorChange[]): DuplicateServersWording => ({
  does: (servers) => `resizes ${servers} from more than one resource`,
  where: (indexes) => listedAddresses(indexes.map((index) => resizes[index]?.address ?? '')),
  advice: 'Applying it would resize each twice: one resource per server. Nothing was checked.',
});

/**
 * The resizes in a plan: each in-place `update` whose flavor attribute changes, on a resource
 * type a provider model knows (`providerModelOf`), with what that provider sends. A replace of
 * such a server, or a new flavor known only at apply, is a note; every other change is skipped.
 * A resize whose flavor attributes change to different flavors gets a note too.
 * @param name How the plan is named in messages: `--terraform plan.json`.
 * @throws {UsageError} When a resize's `id` is not a server id, or a flavor it names is too
 * long, or two resources resize one server (ids in another letter case are one server).
 */
export function findFlavorChanges(plan: TerraformPlan, name: string): PlanFlavorChanges {
  const resizes: FlavorChange[] = [];
  const notes: PlanNote[] = [];
  let notedChanges = 0;
  for (const change of plan.resourceChanges) {
    const model = change.mode === 'managed' ? providerModelOf(change.type) : undefined;
    if (model === undefined) continue;
    const { address, type, actions, before, after, afterUnknown } = change;
    if (isReplace(actions)) {
      notes.push({ address, note: `replaced (${actions.join(', ')}), not resized: not checked` });
      notedChanges += 1;
    }
    if (!isUpdate(actions) || before === null || after === null) continue;
    const flavor = flavorChangeOf(model.flavorAttributes, before, after, afterUnknown);
    if ('unknown' in flavor) {
      if (flavor.unknown !== undefined) {
        notes.push({ address, note: `its new ${flavor.unknown} is known only at apply: not checked` });
        notedChanges += 1;
      }
      continue;
    }
    resizes.push({
      address,
      type,
      serverId: serverIdOf(change, name),
      from: flavorOf(change, flavor.attribute, flavor.from, name),
      to: flavorOf(change, `new ${flavor.attribute}`, flavor.to, name),
      request: model.requestOf(after),
    });
    const conflict = conflictNoteOf(change, model.flavorAttributes, flavor.to, name);
    if (conflict !== undefined) notes.push({ address, note: conflict });
  }
  refuseDuplicateServers(name, resizes, duplicatesWording(resizes));
  return { resizes, notes, skipped: plan.resourceChanges.length - resizes.length - notedChanges };
}
