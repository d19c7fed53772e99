import type { LockHolder } from '@ecs-resize/fleet/journal';
import { shellQuote } from './shell-quote.js';

/** `process <pid>@<host>, since <startedAt>`, the host and date quoted when they need it. */
export const describeLockHolder = ({ pid, host, startedAt }: LockHolder): string =>
  `process ${pid}@${shellQuote(host)}, since ${shellQuote(startedAt)}`;
