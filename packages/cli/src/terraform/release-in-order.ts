/**
 * Hands results that end in any order to `release` in the order of their indexes (0, 1, 2,
 * ...): each is held only until every one before it has been released.
 * @returns The function to call with each result and its index, once per index.
 */
export function releaseInOrder<T>(release: (result: T) => void): (index: number, result: T) => void {
  const held = new Map<number, T>();
  let next = 0;
  return (index, result) => {
    held.set(index, result);
    while (held.has(next)) {
      const ready = held.get(next) as T;
      held.delete(next++);
      release(ready);
    }
  };
}
