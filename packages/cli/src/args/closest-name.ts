/**
 * The edit distance between two strings: the fewest single-character insertions, deletions,
 * substitutions or swaps of neighbours that turn `from` into `to` (`chek` → `check`: 1).
 */
export function editDistance(from: string, to: string): number {
  // rows[i][j]: the distance between the first i characters of `from` and the first j of `to`.
  const rows: number[][] = Array.from({ length: from.length + 1 }, (_, i) =>
    Array.from({ length: to.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= from.length; i += 1) {
    const row = rows[i] ?? [];
    for (let j = 1; j <= to.length; j += 1) {
      const same = from[i - 1] === to[j - 1];
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + (same ? 0 : 1));
      if (i > 1 && j > 1 && from[i - 1] === to[j - 2] && from[i - 2] === to[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      row[j] = best;
    }
  }
  return at(from.length, to.length);
}

/**
 * The one name of `names` that `input` is most likely a typo of: the nearest by
 * {@link editDistance}, if it is near enough (at most a third of its length, at least 1) and no
 * other name is as near; else `undefined`.
 *
 * @example closestName('chek', ['check', 'resize']) // 'check'
 */
export function closestName(input: string, names: readonly string[]): string | undefined {
  const limit = Math.max(1, Math.floor(input.length / 3));
  const ranked = names
    .map((name) => ({ name, distance: editDistance(input.toLowerCase(), name.toLowerCase()) }))
    .filter(({ distance }) => distance <= limit)
    .sort((a, b) => a.distance - b.distance);
  const [best, next] = ranked;
  return best !== undefined && (next === undefined || next.distance > best.distance) ? best.name : undefined;
}
