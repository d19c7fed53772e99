/** The deadline of one attempt: its signal, and the end of its timer. */
interface AttemptDeadline {
  /** Aborts, with a `TimeoutError`, when the attempt's time is up. */
  readonly signal: AbortSignal;
  /** Clears the timer: the attempt is over. */
  readonly end: () => void;
}

/** The deadline of each response still being read, until its body is. */
const deadlines = new WeakMap<Response, AttemptDeadline>();

/**
 * Wraps `send` so that each attempt has one timer, from the moment it is sent until its body is
 * read (`endOfAttempt`): no answer in `timeout` ms rejects with a `TimeoutError` (a
 * `DOMException`, which ky treats as its own timeout, so reads are retried); a body still
 * arriving then is cancelled. The timer does not keep Node's event loop alive.
 * @internal
 */
export function fetchWithDeadline(send: () => typeof fetch, timeout: number): typeof fetch {
  return async (input, init) => {
    const expiry = new AbortController();
    const timer = setTimeout(() => expiry.abort(new DOMException(`No answer within ${timeout} ms`, 'TimeoutError')), timeout);
    (timer as { unref?: () => void }).unref?.();
    const end = () => clearTimeout(timer);
    const own = input instanceof Request ? input.signal : init?.signal;
    try {
      const response = await send()(input, { ...init, signal: own ? AbortSignal.any([own, expiry.signal]) : expiry.signal });
      deadlines.set(response, { signal: expiry.signal, end });
      return response;
    } catch (error) {
      end();
      throw expiry.signal.aborted ? expiry.signal.reason : error;
    }
  };
}

/**
 * The deadline of a response's attempt, taken over by whoever reads its body (it then ends it),
 * or undefined when the response did not come from {@link fetchWithDeadline} (a hook made it).
 * @internal
 */
export function takeDeadline(response: Response): AttemptDeadline | undefined {
  const deadline = deadlines.get(response);
  deadlines.delete(response);
  return deadline;
}
