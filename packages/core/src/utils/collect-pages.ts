import { EcsResponseError } from '../errors/EcsResponseError.js';

/** How far one listing may go: every listing ends, whatever the server answers. */
export interface ListBounds {
  /** The most requests one listing makes. */
  readonly maxPages: number;
  /** The most items one listing collects. */
  readonly maxItems: number;
}

/** One page of a listing and the cursor of the next, if there is one. */
export interface Page<TItem, TCursor> {
  items: readonly TItem[];
  next: TCursor | undefined;
  /** How many items the listing has in all, when the server says (`count`). */
  total?: number | undefined;
}

/**
 * Fetches pages from `first` until a page has no next one, or until as many items as a page's
 * `total` are collected, and returns the items, each id once (a listing that shifts between
 * two requests may repeat an item). It always ends, with an `EcsResponseError` that says why
 * when the server does not let it:
 * - a page that starts with the same item as an earlier page, or brings no item not listed
 *   before (a server ignoring the cursor);
 * - more than `maxPages` requests, or more than `maxItems` items, or a `total` above
 *   `maxItems` (then nothing more is fetched).
 * @internal
 */
export async function collectPages<TItem, TCursor>(
  listing: string,
  bounds: ListBounds,
  first: TCursor,
  fetchPage: (cursor: TCursor) => Promise<Page<TItem, TCursor>>,
  idOf: (item: TItem) => string,
): Promise<TItem[]> {
  const stop = (why: string) => new EcsResponseError(200, 'GET', listing, [why]);
  const items: TItem[] = [];
  const seen = new Set<string>();
  const firstIds = new Set<string>();
  let cursor: TCursor | undefined = first;
  for (let pages = 1; cursor !== undefined; pages += 1) {
    if (pages > bounds.maxPages) {
      throw stop(`the listing did not end within ${bounds.maxPages} pages (maxPages): the server kept answering with more`);
    }
    const page: Page<TItem, TCursor> = await fetchPage(cursor);
    if (page.total !== undefined && page.total > bounds.maxItems) {
      throw stop(`the server counts ${page.total} items, more than ${bounds.maxItems} (maxItems)`);
    }
    const head = page.items[0];
    if (head !== undefined) {
      if (firstIds.has(idOf(head))) {
        throw stop(`paging did not advance: page ${pages} starts with the item an earlier page started with`);
      }
      firstIds.add(idOf(head));
    }
    const fresh: TItem[] = [];
    for (const item of page.items) {
      const id = idOf(item);
      if (seen.has(id)) continue;
      seen.add(id);
      fresh.push(item);
    }
    if (page.items.length > 0 && fresh.length === 0) {
      throw stop(`paging did not advance: page ${pages} brings no item that an earlier page did not list`);
    }
    if (items.length + fresh.length > bounds.maxItems) {
      throw stop(`the listing has more than ${bounds.maxItems} items (maxItems)`);
    }
    items.push(...fresh);
    cursor = page.total !== undefined && items.length >= page.total ? undefined : page.next;
  }
  return items;
}
