import type { Transport } from '../http/transport.js';
import type { Flavor } from '../schemas/flavor.js';
import type { ListBounds } from '../utils/collect-pages.js';

/** What every operation needs from its client. */
export interface ClientContext {
  transport: Transport;
  projectId: string;
  /** How far each listing may go (the client's `maxPages` and `maxItems`). */
  listBounds: ListBounds;
  /**
   * The flavor list, fetched once per client for `collectFacts` (flavors change rarely); a
   * failed fetch is forgotten so that the next call tries again.
   */
  flavorCache?: Promise<Flavor[]> | undefined;
}
