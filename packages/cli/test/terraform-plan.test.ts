import { SERVERS } from '@ecs-resize/emulator';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../src/errors/UsageError.js';
import { findFlavorChanges } from '../src/terraform/find-flavor-changes.js';
import { parsePlan } from '../src/terraform/read-plan-file.js';
import { flavorUpdate, planOf, type ResourceChangeJson } from './helpers/terraform-plan.js';

const NAME = '--terraform plan.json';

/** A plan entry that is not a flavor update: `actions` on a huaweicloud server, before and after given. */
function changeOf(
  actions: string[],
  before: unknown,
  after: unknown,
  extra: Partial<ResourceChangeJson> = {},
): ResourceChangeJson {
  return {
    address: 'huaweicloud_compute_instance.web',
    mode: 'managed',
    type: 'huaweicloud_compute_instance',
    change: { actions, before, after, after_unknown: {} },
    ...extra,
  };
}

const server = { id: SERVERS.kvmRunning, flavor_id: 's3.large.2', name: 'web' };
const HW_REQUEST = { mode: 'withStopServer', autoPay: false };

/** The usage error `run` throws, or fails. */
function refusalOf(run: () => unknown): UsageError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return error as UsageError;
  }
  throw new Error('no usage error was thrown');
}

describe('parsePlan refuses what is not a plan, naming what is wrong', () => {
  it.each([
    { name: 'null', value: null, says: 'the document must be an object, not null' },
    { name: 'an array', value: [], says: 'not an array' },
    { name: 'a number', value: 42, says: 'not a number' },
    { name: 'a string', value: 'plan', says: 'not a string' },
    { name: 'no format_version', value: { resource_changes: [] }, says: 'format_version is missing' },
    { name: 'format 2.0', value: { format_version: '2.0', resource_changes: [] }, says: 'format_version must be 1.x' },
    { name: 'a state', value: { format_version: '1.0', values: { root_module: {} } }, says: 'is it the JSON of a state?' },
    {
      name: 'resource_changes an object',
      value: { format_version: '1.2', resource_changes: {} },
      says: 'resource_changes must be an array',
    },
    {
      name: 'an entry null',
      value: planOf([null as unknown as ResourceChangeJson]),
      says: 'resource_changes[0] must be an object',
    },
    {
      name: 'an address missing',
      value: planOf([{ ...changeOf(['update'], server, server), address: undefined }]),
      says: 'resource_changes[0].address must be a string of 1 to 1000 characters',
    },
    {
      name: 'an address of 1,001 characters',
      value: planOf([{ ...changeOf(['update'], server, server), address: 'a'.repeat(1001) }]),
      says: 'resource_changes[0].address must be a string of 1 to 1000 characters',
    },
    {
      name: 'a type that is a number',
      value: planOf([{ ...changeOf(['update'], server, server), type: 7 }]),
      says: 'resource_changes[0].type must be a non-empty string',
    },
    {
      name: 'no change',
      value: planOf([{ address: 'a.b', type: 'a', change: undefined } as unknown as ResourceChangeJson]),
      says: 'resource_changes[0].change must be an object',
    },
    {
      name: 'actions a string',
      value: planOf([changeOf('update' as unknown as string[], server, server)]),
      says: 'resource_changes[0].change.actions must be an array of strings',
    },
    {
      name: 'actions of numbers',
      value: planOf([changeOf([1] as unknown as string[], server, server)]),
      says: 'resource_changes[0].change.actions must be an array of strings',
    },
    {
      name: 'before a string',
      value: planOf([changeOf(['update'], 'x', server)]),
      says: 'resource_changes[0].change.before must be an object or null',
    },
    {
      name: 'after_unknown an array',
      value: planOf([
        {
          ...changeOf(['update'], server, server),
          change: { actions: ['update'], before: server, after: server, after_unknown: [] },
        },
      ]),
      says: 'resource_changes[0].change.after_unknown must be an object or null',
    },
  ])('$name', ({ value, says }) => {
    const error = refusalOf(() => parsePlan(value, NAME));
    expect(error.message).toContain(`${NAME}: not a Terraform plan: `);
    expect(error.message).toContain(says);
    expect(error.message).toContain('terraform show -json tfplan');
  });

  it('takes a plan without resource_changes (nothing changes) as no change', () => {
    expect(parsePlan({ format_version: '1.2', planned_values: { root_module: {} } }, NAME).resourceChanges).toEqual([]);
  });
});

describe('findFlavorChanges: what is a resize, and what the provider sends', () => {
  const id = SERVERS.kvmRunning;
  it.each([
    {
      name: 'huaweicloud flavor_id: withStopServer, auto_pay unset sends false',
      change: flavorUpdate({ name: 'a', id, from: 's3.large.2', to: 's3.xlarge.2' }),
      resize: { from: 's3.large.2', to: 's3.xlarge.2', request: HW_REQUEST },
    },
    {
      name: 'huaweicloud flavor_name when flavor_id stays',
      change: flavorUpdate({
        name: 'a',
        id,
        from: 's3.large.2',
        to: 's3.xlarge.2',
        attribute: 'flavor_name',
        extra: { flavor_id: 's3.large.2' },
      }),
      resize: { from: 's3.large.2', to: 's3.xlarge.2', request: HW_REQUEST },
    },
    {
      name: 'huaweicloud auto_pay "true" sends autoPay true',
      change: flavorUpdate({
        name: 'a',
        id,
        from: 's3.large.2',
        to: 's3.xlarge.2',
        extra: { auto_pay: 'true', charging_mode: 'prePaid' },
      }),
      resize: { from: 's3.large.2', to: 's3.xlarge.2', request: { mode: 'withStopServer', autoPay: true } },
    },
    {
      name: 'huaweicloud auto_pay true (a boolean) too',
      change: flavorUpdate({ name: 'a', id, from: 's3.large.2', to: 's3.xlarge.2', extra: { auto_pay: true } }),
      resize: { from: 's3.large.2', to: 's3.xlarge.2', request: { mode: 'withStopServer', autoPay: true } },
    },
    {
      name: 'huaweicloud auto_pay "false" sends autoPay false',
      change: flavorUpdate({ name: 'a', id, from: 's3.large.2', to: 's3.xlarge.2', extra: { auto_pay: 'false' } }),
      resize: { from: 's3.large.2', to: 's3.xlarge.2', request: HW_REQUEST },
    },
    {
      name: 'opentelekomcloud_ecs_instance_v1 flavor: Nova stops the server, no autoPay',
      change: flavorUpdate({ type: 'opentelekomcloud_ecs_instance_v1', name: 'a', id, from: 's3.large.2', to: 's3.xlarge.2' }),
      resize: { from: 's3.large.2', to: 's3.xlarge.2', request: { mode: 'withStopServer' } },
    },
    {
      name: 'opentelekomcloud_compute_instance_v2 flavor_name, auto_pay ignored',
      change: flavorUpdate({
        type: 'opentelekomcloud_compute_instance_v2',
        name: 'a',
        id,
        from: 's3.large.2',
        to: 's3.xlarge.2',
        attribute: 'flavor_name',
        extra: { auto_pay: 'true' },
      }),
      resize: { from: 's3.large.2', to: 's3.xlarge.2', request: { mode: 'withStopServer' } },
    },
  ])('$name', ({ change, resize }) => {
    const found = findFlavorChanges(parsePlan(planOf([change]), NAME), NAME);
    expect(found).toEqual({
      resizes: [{ address: change.address, type: change.type, serverId: id, ...resize }],
      notes: [],
      skipped: 0,
    });
  });

  const after = { ...server, tags: { team: 'b' } };
  it.each([
    { name: 'a tags-only update', change: changeOf(['update'], server, after) },
    { name: 'a create', change: changeOf(['create'], null, server) },
    { name: 'a delete', change: changeOf(['delete'], server, null) },
    { name: 'a no-op', change: changeOf(['no-op'], server, server) },
    { name: 'a read', change: changeOf(['read'], server, server) },
    {
      name: 'a data source of a server type',
      change: changeOf(
        ['update'],
        server,
        { ...server, flavor_id: 's3.xlarge.2' },
        { mode: 'data', address: 'data.huaweicloud_compute_instance.web' },
      ),
    },
    {
      name: 'another type with a flavor_id',
      change: changeOf(
        ['update'],
        server,
        { ...server, flavor_id: 's3.xlarge.2' },
        { type: 'aws_instance', address: 'aws_instance.web' },
      ),
    },
    {
      name: 'a type named like an Object property',
      change: changeOf(
        ['update'],
        server,
        { ...server, flavor_id: 's3.xlarge.2' },
        { type: 'constructor', address: 'constructor.web' },
      ),
    },
  ])('$name is skipped, not checked, no note', ({ change }) => {
    expect(findFlavorChanges(parsePlan(planOf([change]), NAME), NAME)).toEqual({ resizes: [], notes: [], skipped: 1 });
  });

  it.each([
    {
      name: 'a replace (delete, then create)',
      change: changeOf(['delete', 'create'], server, { ...server, flavor_id: 's3.xlarge.2' }),
      note: 'replaced (delete, create), not resized: not checked',
    },
    {
      name: 'a replace (create before destroy)',
      change: changeOf(['create', 'delete'], server, { ...server, flavor_id: 's3.xlarge.2' }),
      note: 'replaced (create, delete), not resized: not checked',
    },
    {
      name: 'a flavor known only at apply',
      change: {
        ...changeOf(['update'], server, { ...server, flavor_id: null }),
        change: {
          actions: ['update'],
          before: server,
          after: { ...server, flavor_id: null },
          after_unknown: { flavor_id: true },
        },
      },
      note: 'its new flavor_id is known only at apply: not checked',
    },
  ])('$name is a note, not checked', ({ change, note }) => {
    expect(findFlavorChanges(parsePlan(planOf([change]), NAME), NAME)).toEqual({
      resizes: [],
      notes: [{ address: 'huaweicloud_compute_instance.web', note }],
      skipped: 0,
    });
  });

  it.each([
    { name: 'a path', id: '../../x', shows: '"../../x"' },
    { name: 'a URL', id: 'https://evil.example/x', shows: '"https://evil.example/x"' },
    { name: 'a number', id: 42, shows: '42' },
    { name: 'missing', id: undefined, shows: 'null' },
    { name: 'a UUID with a path after it', id: `${SERVERS.kvmRunning}/../x`, shows: `"${SERVERS.kvmRunning}/../x"` },
  ])('a resize whose id is $name refuses the plan', ({ id, shows }) => {
    const plan = parsePlan(planOf([flavorUpdate({ name: 'a', id, from: 's3.large.2', to: 's3.xlarge.2' })]), NAME);
    const error = refusalOf(() => findFlavorChanges(plan, NAME));
    expect(error.message).toContain(
      `resource_changes[0] (huaweicloud_compute_instance.a) changes the flavor of a server whose id, ${shows}, is not a server id`,
    );
  });

  it('a plan that resizes one server from two resources is refused, naming both', () => {
    const plan = parsePlan(
      planOf([
        flavorUpdate({ name: 'a', id: SERVERS.kvmRunning, from: 's3.large.2', to: 's3.xlarge.2' }),
        flavorUpdate({
          type: 'opentelekomcloud_ecs_instance_v1',
          name: 'b',
          id: SERVERS.kvmRunning,
          from: 's3.large.2',
          to: 's3.2xlarge.2',
        }),
        flavorUpdate({ name: 'c', id: SERVERS.kvmStopped, from: 's3.large.2', to: 's3.xlarge.2' }),
      ]),
      NAME,
    );
    expect(refusalOf(() => findFlavorChanges(plan, NAME)).message).toBe(
      `${NAME} resizes 1 server from more than one resource: ${SERVERS.kvmRunning} (huaweicloud_compute_instance.a, opentelekomcloud_ecs_instance_v1.b). ` +
        'Applying it would resize each twice: one resource per server. Nothing was checked.',
    );
  });
});
