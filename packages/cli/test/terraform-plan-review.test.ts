import { SERVERS } from '@ecs-resize/emulator';
import { describe, expect, it } from 'vitest';
import { findFlavorChanges } from '../src/terraform/find-flavor-changes.js';
import { parsePlan } from '../src/terraform/read-plan-file.js';
import { planOf } from './helpers/terraform-plan.js';

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
