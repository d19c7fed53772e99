import { EcsResponseError } from '../errors/EcsResponseError.js';

/** One page of a listing and the cursor of the next, if there is one. */
export interface Page<TItem, TCursor> {
  items: readonly TItem[];
  next: TCursor | undefined;
}

/**
 * Fetches pages from `first` until a page says there is no next one, and returns all items.
 * A page that starts with the same item as an earlier page (a server ignoring the cursor)
 * throws, instead of looping for ever.
 * @internal
 */
export async function collectPages<TItem, TCursor>(
  listing: string,
  first: TCursor,
  fetchPage: (cursor: TCursor) => Promise<Page<TItem, TCursor>>,
  idOf: (item: TItem) => string,
): Promise<TItem[]> {
  const items: TItem[] = [];
  const firstIds = new Set<string>();
  let cursor: TCursor | undefined = first;
  while (cursor !== undefined) {
    const page: Page<TItem, TCursor> = await fetchPage(cursor);
    const head = page.items[0];
    if (head !== undefined) {
      if (firstIds.has(idOf(head))) {
        throw new EcsResponseError(200, 'GET', listing, [
          `paging did not advance: a page repeats an earlier one (cursor ${String(cursor)})`,
        ]);
      }
      firstIds.add(idOf(head));
    }
    items.push(...page.items);
    cursor = page.next;
  }
  return items;
}
