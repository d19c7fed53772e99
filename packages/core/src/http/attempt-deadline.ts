/** The deadline of one attempt: its signal, and the end of its timer. */
interface AttemptDeadline {
  /** Aborts when the attempt's time is up (or the request's own signal aborts). */
  readonly signal: AbortSignal;
  /** True once the time is up. */
  readonly timedOut: () => boolean;
  /** Clears the timer: the attempt is over. */
  readonly end: () => void;
}

/** The deadline of each response still being read, until its body is. */
const deadlines = new WeakMap<Response, AttemptDeadline>();

/**
 * Starts a deadline of `timeout` ms that also follows `own` (the request's signal: ky's, which
 * carries the caller's). A listener rather than `AbortSignal.any`, which costs more than the
 * rest of the attempt's bookkeeping. The timer does not keep Node's event loop alive.
 * @internal
 */
export function startDeadline(timeout: number, own: AbortSignal | null | undefined): AttemptDeadline {
  const expiry = new AbortController();
  let timeUp = false;
  const timer = setTimeout(() => {
    timeUp = true;
    expiry.abort(new DOMException(`No answer within ${timeout} ms`, 'TimeoutError'));
  }, timeout);
  (timer as { unref?: () => void }).unref?.();
  const follow = () => expiry.abort(own?.reason);
  if (own?.aborted) follow();
  else own?.addEventListener('abort', follow, { once: true });
  return {
    signal: expiry.signal,
    timedOut: () => timeUp,
    end: () => {
      clearTimeout(timer);
      own?.removeEventListener('abort', follow);
    },
  };
}

/**
 * Wraps `send` so that each attempt has one timer, from the moment it is sent until its body is
 * read (by whoever takes its deadline with {@link takeDeadline}): no answer in `timeout` ms
 * rejects with a `TimeoutError` (a `DOMException`, which ky treats as its own timeout, so reads
 * are retried); a body still arriving then is cancelled.
 * @internal
 */
export function fetchWithDeadline(send: () => typeof fetch, timeout: number): typeof fetch {
  return async (input, init) => {
    const deadline = startDeadline(timeout, input instanceof Request ? input.signal : init?.signal);
    try {
      const response = await send()(input, { ...init, signal: deadline.signal });
      deadlines.set(response, deadline);
      return response;
    } catch (error) {
      deadline.end();
      throw deadline.timedOut() ? deadline.signal.reason : error;
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
