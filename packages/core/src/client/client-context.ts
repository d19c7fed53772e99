import type { Transport } from '../http/transport.js';
import type { Flavor } from '../schemas/flavor.js';

/** What every operation needs from its client. */
export interface ClientContext {
  transport: Transport;
  projectId: string;
  /**
   * The flavor list, fetched once per client for `collectFacts` (flavors change rarely); a
   * failed fetch is forgotten so that the next call tries again.
   */
  flavorCache?: Promise<Flavor[]> | undefined;
}
