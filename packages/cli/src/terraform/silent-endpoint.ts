import { EcsTimeoutError } from '@ecs-resize/core';

/** Tells, check by check, whether a plan's endpoint takes requests but never answers them. */
export interface SilentEndpointWatch {
  /**
   * Records how a check ended (`error` undefined: it got its answers) and says whether the run
   * should stop because the endpoint is silent.
   */
  ended(error?: unknown): boolean;
}

/**
 * Watches a plan's checks for an endpoint that drops packets: the connection may be made (or
 * hang), no answer ever comes, and each check ends in core's `EcsTimeoutError` only after every
 * attempt timed out (30 s × 3 by default). Checking 10,000 resizes so would take hours.
 *
 * The rule: when the first batch (`batch` checks, as many as run at once) has ended in
 * timeouts before any check got an answer, the endpoint is taken as silent and the run stops
 * (a plan of no more than `batch` resizes has all its checks under way by then: nothing to stop). One answer of any kind (a verdict, or an API error) proves that the
 * endpoint answers, and from then on a timeout is that server's error only. Each timeout is
 * still its server's error verdict; checks started before the stop (in the slots freed by the
 * first timeouts) end as they will, so a silent endpoint costs about two timeouts, not one per
 * server.
 * @param batch How many checks run at once (at least 1).
 */
export function watchForSilentEndpoint(batch: number): SilentEndpointWatch {
  let answered = false;
  let timeouts = 0;
  return {
    ended(error?: unknown) {
      if (!(error instanceof EcsTimeoutError)) answered = true;
      else if (!answered) timeouts += 1;
      return !answered && timeouts >= batch;
    },
  };
}
