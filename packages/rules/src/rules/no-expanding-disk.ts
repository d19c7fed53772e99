import { createBuiltInRule } from './create-built-in-rule.js';

/** While a disk is being expanded (EVS status `extending`), the server cannot be resized. */
export const noExpandingDisk = createBuiltInRule({
  name: 'no-expanding-disk',
  meta: {
    type: 'problem',
    docs: { description: 'No attached disk may be expanding.', recommended: true },
    // UNCONFIRMED whether the API refuses this at once, and with which code: kept late, so an
    // unknown disk status stays an error, as before.
    refusal: 'late',
    errorCodes: [],
    messages: {
      expanding: 'Disk {{diskId}} of server {{serverId}} is being expanded. Wait until the expansion ends, then resize.',
      unverified:
        'Could not verify that no disk of server {{serverId}} is being expanded: the status of disk {{diskId}} is unknown. Check that no disk of the server is being expanded, then check again.',
    },
  },
  check({ server }) {
    const expanding = server.disks.find((disk) => disk.status === 'extending');
    if (expanding) return [{ messageId: 'expanding', data: { serverId: server.id, diskId: expanding.id } }];
    const unknown = server.disks.find((disk) => disk.status === undefined);
    return unknown ? [{ messageId: 'unverified', data: { serverId: server.id, diskId: unknown.id }, unverified: true }] : [];
  },
});
