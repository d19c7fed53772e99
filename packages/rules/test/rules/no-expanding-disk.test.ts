import { describe, it } from 'vitest';
import { noExpandingDisk } from '../../src/rules/no-expanding-disk.js';
import { RuleTester, buildFacts } from '../../src/testing/index.js';
import { SERVER_ID, disks } from '../helpers.js';

new RuleTester({ describe, it }).run('no-expanding-disk', noExpandingDisk, {
  valid: [
    { name: 'the system disk in use', facts: buildFacts() },
    { name: 'no disks at all', facts: buildFacts({ server: { disks: [] } }) },
    { name: 'VBD and SCSI disks, all in use', facts: buildFacts({ server: { disks: [...disks(3), ...disks(2, 'SCSI')] } }) },
    {
      name: 'disks in use, available or being attached',
      facts: buildFacts({
        server: {
          disks: [
            { id: 'vbd-1', type: 'VBD', status: 'in-use' },
            { id: 'vbd-2', type: 'VBD', status: 'available' },
            { id: 'vbd-3', type: 'VBD', status: 'attaching' },
          ],
        },
      }),
    },
  ],
  invalid: [
    {
      name: 'one data disk extending',
      facts: buildFacts({ server: { disks: [...disks(2), { id: 'data-disk', type: 'VBD', status: 'extending' }] } }),
      errors: [{ messageId: 'expanding', data: { serverId: SERVER_ID, diskId: 'data-disk' } }],
    },
    {
      name: 'a SCSI disk extending',
      facts: buildFacts({ server: { disks: [...disks(1), { id: 'scsi-disk', type: 'SCSI', status: 'extending' }] } }),
      errors: [{ messageId: 'expanding', data: { diskId: 'scsi-disk' } }],
    },
    {
      name: 'an extending disk after a disk of unknown status: the known blocker is reported',
      facts: buildFacts({
        server: {
          disks: [
            { id: 'unknown-disk', type: 'VBD' },
            { id: 'data-disk', type: 'VBD', status: 'extending' },
          ],
        },
      }),
      errors: [{ messageId: 'expanding', data: { diskId: 'data-disk' } }],
    },
    {
      name: 'a disk with unknown status',
      facts: buildFacts({ server: { disks: [...disks(2), { id: 'unknown-disk', type: 'VBD' }] } }),
      errors: [{ messageId: 'unverified', data: { serverId: SERVER_ID, diskId: 'unknown-disk' } }],
    },
    {
      name: 'several disks with unknown status: the first is named',
      facts: buildFacts({ server: { disks: disks(3, 'VBD', null) } }),
      errors: [{ messageId: 'unverified', data: { diskId: 'vbd-1' } }],
    },
  ],
});
