import type { FlavorFacts } from '../facts/facts-schema.js';

/**
 * The series of a generation: its letters before the first digit, in lower case (`s3` → `s`,
 * `pi2` → `pi`, `kc1` → `kc`, `Hl1` → `hl`); undefined when the generation is unknown.
 */
export function seriesOf(generation: string | undefined): string | undefined {
  if (generation === undefined) return undefined;
  const lower = generation.toLowerCase();
  let end = 0;
  while (end < lower.length && lower[end]! >= 'a' && lower[end]! <= 'z') end += 1;
  return lower.slice(0, end);
}

/**
 * True when either known piece of evidence says so, false when one is known and neither says
 * so, undefined when neither is known.
 */
export function anyTrue(one: boolean | undefined, other: boolean | undefined): boolean | undefined {
  if (one === true || other === true) return true;
  return one === false || other === false ? false : undefined;
}

/** The performance types (`ecs:performancetype`) of flavors that come with local disks. */
const LOCAL_DISK_TYPES = new Set(['diskintensive', 'highio']);

/** The series that come with local disks: disk-intensive D, ultra-high I/O I. */
const LOCAL_DISK_SERIES = new Set(['d', 'i']);

/**
 * Whether a flavor comes with local disks: `localDisks`, else a disk-intensive or ultra-high
 * I/O performance type or series (D, I); undefined when none of these is known.
 */
export function hasLocalDisks(flavor: FlavorFacts): boolean | undefined {
  if (flavor.localDisks !== undefined) return flavor.localDisks;
  const series = seriesOf(flavor.generation);
  return anyTrue(
    flavor.performanceType === undefined ? undefined : LOCAL_DISK_TYPES.has(flavor.performanceType.toLowerCase()),
    series === undefined ? undefined : LOCAL_DISK_SERIES.has(series),
  );
}

/**
 * The performance type a series implies, for the families that change only among themselves:
 * GPU (G, P, Pi), FPGA (F, Fp) and large-memory (E; `saphana` on Huawei).
 */
const SERIES_PERFORMANCE_TYPE: Readonly<Record<string, string>> = {
  g: 'gpu',
  p: 'gpu',
  pi: 'gpu',
  f: 'fpga',
  fp: 'fpga',
  e: 'saphana',
};

/**
 * Whether a flavor is of one of `lockedTypes`, by its performance type or by the type its
 * series implies (either is enough); undefined when neither is known.
 */
export function isOfPerformanceType(flavor: FlavorFacts, lockedTypes: readonly string[]): boolean | undefined {
  const series = seriesOf(flavor.generation);
  const implied = series !== undefined && Object.hasOwn(SERIES_PERFORMANCE_TYPE, series) ? SERIES_PERFORMANCE_TYPE[series] : '';
  return anyTrue(
    flavor.performanceType === undefined ? undefined : lockedTypes.includes(flavor.performanceType.toLowerCase()),
    series === undefined ? undefined : lockedTypes.includes(implied ?? ''),
  );
}

/**
 * A flavor's CPU architecture: `architecture`, else from the generation (Kunpeng series, which
 * start with `k` such as kc1 and km1, are Arm; the others are x86); undefined when neither is known.
 */
export function architectureOf(flavor: FlavorFacts): FlavorFacts['architecture'] {
  if (flavor.architecture !== undefined) return flavor.architecture;
  const series = seriesOf(flavor.generation);
  if (series === undefined) return undefined;
  return series.startsWith('k') ? 'arm' : 'x86';
}
