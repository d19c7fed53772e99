import type { Transport } from '../http/transport.js';

/** What every operation needs from its client. */
export interface ClientContext {
  transport: Transport;
  projectId: string;
}
