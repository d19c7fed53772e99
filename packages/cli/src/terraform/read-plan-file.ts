import type { CliIo } from '../cli-io.js';
import { UsageError } from '../errors/UsageError.js';
import { isJsonObject } from '../input/is-json-object.js';
import { nameOfInput } from '../input/read-bounded-input.js';
import { readJsonInput } from '../input/read-json-input.js';

/** The largest plan read: a plan of thousands of resources is a few MiB. */
export const MAX_PLAN_BYTES = 64 * 2 ** 20;

/** The flag that names the plan. */
export const TERRAFORM_FLAG = '--terraform';

/** JSON object fields, as a plan holds them. */
export type PlanValues = Readonly<Record<string, unknown>>;

/** One entry of the plan's `resource_changes`: what Terraform will do to one resource. */
export interface PlanResourceChange {
  /** Its place in `resource_changes`, from 0, for messages. */
  readonly index: number;
  /** `module.web.huaweicloud_compute_instance.app[0]`. */
  readonly address: string;
  /** `managed` for a resource, `data` for a data source. */
  readonly mode: string;
  /** The resource type, e.g. `huaweicloud_compute_instance`. */
  readonly type: string;
  /** `["update"]`, `["create"]`, `["delete","create"]` (a replace), `["no-op"]`, ... */
  readonly actions: readonly string[];
  /** The attributes before the change; null for a create. */
  readonly before: PlanValues | null;
  /** The attributes after it, those known at plan time; null for a delete. */
  readonly after: PlanValues | null;
  /** The attributes known only at apply (`true` for each). */
  readonly afterUnknown: PlanValues;
}

/** A plan, as `terraform show -json <planfile>` writes it, reduced to what a check reads. */
export interface TerraformPlan {
  /** `format_version`, e.g. `1.2`. */
  readonly formatVersion: string;
  readonly resourceChanges: readonly PlanResourceChange[];
}

/** The longest resource address accepted (they are printed). */
const MAX_ADDRESS_LENGTH = 1000;

/** The advice every refusal ends with. */
const HOW = 'Give the JSON of a saved plan: terraform plan -out tfplan && terraform show -json tfplan > plan.json';

/** What a JSON value is, for a message: `null`, `an array`, `a number`, ... */
const kindOf = (value: unknown) =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value === 'object' ? 'object' : typeof value}`;

/** An object field that may be absent or null, as an object or null. */
function objectOrNull(value: unknown, where: string, refuse: (problem: string) => UsageError): PlanValues | null {
  if (value === undefined || value === null) return null;
  if (!isJsonObject(value)) throw refuse(`${where} must be an object or null`);
  return value;
}

/** One `resource_changes` entry, checked. */
function readResourceChange(entry: unknown, index: number, refuse: (problem: string) => UsageError): PlanResourceChange {
  const at = `resource_changes[${index}]`;
  if (!isJsonObject(entry)) throw refuse(`${at} must be an object`);
  const { address, mode = 'managed', type, change } = entry;
  if (typeof address !== 'string' || address === '' || address.length > MAX_ADDRESS_LENGTH)
    throw refuse(`${at}.address must be a string of 1 to ${MAX_ADDRESS_LENGTH} characters`);
  if (typeof type !== 'string' || type === '') throw refuse(`${at}.type must be a non-empty string`);
  if (typeof mode !== 'string') throw refuse(`${at}.mode must be a string`);
  if (!isJsonObject(change)) throw refuse(`${at}.change must be an object`);
  const { actions } = change;
  if (!Array.isArray(actions) || !actions.every((action) => typeof action === 'string'))
    throw refuse(`${at}.change.actions must be an array of strings`);
  return {
    index,
    address,
    mode,
    type,
    actions: actions as string[],
    before: objectOrNull(change['before'], `${at}.change.before`, refuse),
    after: objectOrNull(change['after'], `${at}.change.after`, refuse),
    afterUnknown: objectOrNull(change['after_unknown'], `${at}.change.after_unknown`, refuse) ?? {},
  };
}

/**
 * The plan in a JSON value: an object with `format_version` 1.x and `resource_changes` (absent
 * when nothing changes, then `planned_values` is there), each entry with its address, type and
 * `change.actions`.
 * @param name How the plan is named in messages: `--terraform plan.json`.
 * @throws {UsageError} When it is not such a plan, naming the first field that is wrong.
 */
export function parsePlan(value: unknown, name: string): TerraformPlan {
  const refuse = (problem: string) => new UsageError(`${name}: not a Terraform plan: ${problem}. ${HOW}`);
  if (!isJsonObject(value)) throw refuse(`the document must be an object, not ${kindOf(value)}`);
  const formatVersion = value['format_version'];
  if (typeof formatVersion !== 'string') throw refuse('format_version is missing');
  if (!/^1\.\d+$/.test(formatVersion)) throw refuse('format_version must be 1.x');
  const changes = value['resource_changes'];
  if (changes === undefined && !isJsonObject(value['planned_values']))
    throw refuse('it has neither resource_changes nor planned_values (is it the JSON of a state?)');
  if (changes !== undefined && !Array.isArray(changes)) throw refuse('resource_changes must be an array');
  const entries: readonly unknown[] = Array.isArray(changes) ? changes : [];
  return { formatVersion, resourceChanges: entries.map((entry, index) => readResourceChange(entry, index, refuse)) };
}

/** How the plan is named in messages: `--terraform plan.json`, `--terraform - (stdin)`. */
export const planNameOf = (source: string) => nameOfInput({ source, flag: TERRAFORM_FLAG });

/**
 * Reads the plan `--terraform` names (a file, or `-` for the standard input), at most
 * {@link MAX_PLAN_BYTES}.
 * @throws {UsageError} When it cannot be read, is too large, not JSON, or not a plan.
 */
export async function readPlanFile(source: string, io: Pick<CliIo, 'stdin' | 'cwd'>): Promise<TerraformPlan> {
  const value = await readJsonInput({ source, what: 'the plan', flag: TERRAFORM_FLAG, maxBytes: MAX_PLAN_BYTES }, io);
  return parsePlan(value, planNameOf(source));
}
