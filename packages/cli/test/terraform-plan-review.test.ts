import { SERVERS } from '@ecs-resize/emulator';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../src/errors/UsageError.js';
import { findFlavorChanges } from '../src/terraform/find-flavor-changes.js';
import { parsePlan } from '../src/terraform/read-plan-file.js';
import { flavorUpdate, planOf } from './helpers/terraform-plan.js';

const NAME = '--terraform plan.json';
const ADDRESS = 'huaweicloud_compute_instance.web';

/** The changes found in a plan of one in-place update of a huaweicloud server, `before` → `after`. */
function changesOf(before: Record<string, string>, after: Record<string, string>) {
  const id = SERVERS.kvmRunning;
  const change = {
    address: ADDRESS,
    mode: 'managed',
    type: 'huaweicloud_compute_instance',
    change: { actions: ['update'], before: { id, ...before }, after: { id, ...after }, after_unknown: {} },
  };
  return findFlavorChanges(parsePlan(planOf([change]), NAME), NAME);
}

describe('flavor_id and flavor_name of one resource changing to different flavors', () => {
  it.each([
    {
      name: 'both change, to different flavors: flavor_id is checked, and a note says flavor_name differs',
      before: { flavor_id: 's3.large.2', flavor_name: 's3.large.2' },
      after: { flavor_id: 's3.xlarge.2', flavor_name: 's3.2xlarge.2' },
      to: 's3.xlarge.2',
      notes: [
        {
          address: ADDRESS,
          note:
            'its new flavor_name, s3.2xlarge.2, is not its new flavor_id, s3.xlarge.2: checked as a resize to ' +
            's3.xlarge.2, though which the provider sends is not known',
        },
      ],
    },
    {
      name: 'both change to the same flavor: no note',
      before: { flavor_id: 's3.large.2', flavor_name: 's3.large.2' },
      after: { flavor_id: 's3.xlarge.2', flavor_name: 's3.xlarge.2' },
      to: 's3.xlarge.2',
      notes: [],
    },
    {
      name: 'flavor_id changes, flavor_name stays (the provider fills it in): no note',
      before: { flavor_id: 's3.large.2', flavor_name: 's3.large.2' },
      after: { flavor_id: 's3.xlarge.2', flavor_name: 's3.large.2' },
      to: 's3.xlarge.2',
      notes: [],
    },
    {
      name: 'flavor_name changes, flavor_id stays: flavor_name is checked, no note',
      before: { flavor_id: 's3.large.2', flavor_name: 's3.large.2' },
      after: { flavor_id: 's3.large.2', flavor_name: 's3.xlarge.2' },
      to: 's3.xlarge.2',
      notes: [],
    },
  ])('$name', ({ before, after, to, notes }) => {
    const found = changesOf(before, after);
    expect(found.resizes.map((resize) => resize.to)).toEqual([to]);
    expect(found.notes).toEqual(notes);
  });
});

/** The usage error a plan of `count` resources resizing one server is refused with. */
function refusalOfDuplicates(count: number): UsageError {
  const changes = Array.from({ length: count }, (_, index) =>
    flavorUpdate({ name: `s${index}`, id: SERVERS.kvmStopped, from: 's3.large.2', to: 's3.xlarge.2' }),
  );
  const plan = parsePlan(planOf(changes), NAME);
  try {
    findFlavorChanges(plan, NAME);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return error as UsageError;
  }
  throw new Error('the plan was not refused');
}

describe('a plan resizing one server from many resources: a bounded refusal, in linear time', () => {
  it.each([
    { count: 3, listed: 's0, huaweicloud_compute_instance.s1, huaweicloud_compute_instance.s2)' },
    { count: 4, listed: 's0, huaweicloud_compute_instance.s1, huaweicloud_compute_instance.s2 and 1 more)' },
    { count: 100_000, listed: 's0, huaweicloud_compute_instance.s1, huaweicloud_compute_instance.s2 and 99997 more)' },
  ])('$count resources: the first 3 addresses named, the rest counted', ({ count, listed }) => {
    const { message } = refusalOfDuplicates(count);
    expect(message).toContain(`${SERVERS.kvmStopped} (huaweicloud_compute_instance.${listed}.`);
    expect(message.length).toBeLessThan(600);
  });
});
