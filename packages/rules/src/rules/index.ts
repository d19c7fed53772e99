import type { Rule } from '../types.js';
import { dedicatedHost } from './dedicated-host.js';
import { flavorChanges } from './flavor-changes.js';
import { h1Drivers } from './h1-drivers.js';
import { noExpandingDisk } from './no-expanding-disk.js';
import { noFrozenServer } from './no-frozen-server.js';
import { noKvmToXen } from './no-kvm-to-xen.js';
import { noLockedServer } from './no-locked-server.js';
import { noSpotServer } from './no-spot-server.js';
import { nicLimit } from './nic-limit.js';
import { prepaidAutoPay } from './prepaid-auto-pay.js';
import { resizableSource } from './resizable-source.js';
import { sameArchitecture } from './same-architecture.js';
import { sameFamily } from './same-family.js';
import { serverStopped } from './server-stopped.js';
import { targetAllowed } from './target-allowed.js';
import { targetOnSale } from './target-on-sale.js';
import { xenToKvmDrivers } from './xen-to-kvm-drivers.js';
import { xenVbdLimit } from './xen-vbd-limit.js';

/** The built-in rules by id, in the order they run. */
export const builtInRules: Readonly<Record<string, Rule<unknown>>> = {
  'server-stopped': serverStopped,
  'flavor-changes': flavorChanges,
  'target-allowed': targetAllowed,
  'target-on-sale': targetOnSale,
  'no-kvm-to-xen': noKvmToXen,
  'xen-vbd-limit': xenVbdLimit,
  'xen-to-kvm-drivers': xenToKvmDrivers,
  'h1-drivers': h1Drivers,
  'no-frozen-server': noFrozenServer,
  'no-locked-server': noLockedServer,
  'no-spot-server': noSpotServer,
  'no-expanding-disk': noExpandingDisk,
  'prepaid-auto-pay': prepaidAutoPay,
  'nic-limit': nicLimit,
  'resizable-source': resizableSource,
  'same-family': sameFamily,
  'same-architecture': sameArchitecture,
  'dedicated-host': dedicatedHost,
};
