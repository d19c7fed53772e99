/** One `resource_changes` entry of a plan, as `terraform show -json` writes it. */
export interface ResourceChangeJson {
  address: unknown;
  mode?: unknown;
  type: unknown;
  name?: string;
  change: {
    actions: unknown;
    before?: unknown;
    after?: unknown;
    after_unknown?: unknown;
  };
}

/** A plan document holding `changes`, as `terraform show -json tfplan` writes it. */
export function planOf(changes: readonly ResourceChangeJson[]): Record<string, unknown> {
  return {
    format_version: '1.2',
    terraform_version: '1.9.8',
    planned_values: { root_module: {} },
    resource_changes: changes,
    configuration: { root_module: {} },
  };
}

/** What {@link flavorUpdate} takes. */
export interface FlavorUpdate {
  /** The resource type; `huaweicloud_compute_instance` by default. */
  type?: string;
  /** The resource's name in its address. */
  name: string;
  /** The server id (`before.id`). */
  id: unknown;
  from: string;
  to: string;
  /** The flavor attribute; the type's first (`flavor_id`, or `flavor` for ecs_instance_v1) by default. */
  attribute?: string;
  /** More attributes, before and after the change. */
  extra?: Record<string, unknown>;
  /** The plan's actions; `["update"]` by default. */
  actions?: string[];
}

/** The flavor attribute a type's resize changes first. */
const flavorAttributeOf = (type: string) => (type === 'opentelekomcloud_ecs_instance_v1' ? 'flavor' : 'flavor_id');

/** An in-place update of a server's flavor (and of `extra`), as a plan entry. */
export function flavorUpdate({
  type = 'huaweicloud_compute_instance',
  name,
  id,
  from,
  to,
  attribute,
  extra = {},
  actions = ['update'],
}: FlavorUpdate): ResourceChangeJson {
  const flavor = attribute ?? flavorAttributeOf(type);
  return {
    address: `${type}.${name}`,
    mode: 'managed',
    type,
    name,
    change: {
      actions,
      before: { id, name, [flavor]: from, ...extra },
      after: { id, name, [flavor]: to, ...extra },
      after_unknown: {},
    },
  };
}
