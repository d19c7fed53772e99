import type { DiskFacts, FlavorFacts, ResizeFacts } from '../src/index.js';
import { buildFacts, type FactsOverrides } from '../src/testing/index.js';

/** A flavor's virtualization as the facts know it; `undefined` is unknown. */
export type Virtualization = FlavorFacts['virtualization'];

/**
 * `count` attached disks of one type and EVS status (`null`: the status is unknown), with ids
 * `vbd-1` … `vbd-<count>` (or `scsi-…`).
 * @default type 'VBD', status 'in-use'
 */
export function disks(count: number, type: DiskFacts['type'] = 'VBD', status: string | null = 'in-use'): DiskFacts[] {
  const prefix = type.toLowerCase();
  return Array.from({ length: count }, (_, index) => ({
    id: `${prefix}-${index + 1}`,
    type,
    ...(status === null ? {} : { status }),
  }));
}

/**
 * The default facts (see `buildFacts`) for a resize from a `from` flavor to a `to` flavor
 * (`undefined`: that side's virtualization is unknown), plus further overrides.
 */
export function resizeBetween(from: Virtualization, to: Virtualization, overrides: FactsOverrides = {}): ResizeFacts {
  return buildFacts({
    ...overrides,
    server: { ...overrides.server, flavor: { ...overrides.server?.flavor, virtualization: from } },
    target: { ...overrides.target, virtualization: to },
  });
}

/** The server id of the default facts, as rules report it in `data.serverId`. */
export const SERVER_ID = buildFacts().server.id;
