import { isEcsError } from './EcsError.js';

/**
 * How a failure is to be treated: the one decision behind the transport's retries, the
 * survival of `waitForJob`, the error hints and `isTransientError`.
 */
export interface FailureClass {
  /** Asking again later may succeed: the failure says nothing about what was asked for. */
  readonly transient: boolean;
  /** The request may have been acted on: a write must not be sent again before checking. */
  readonly mayHaveTakenEffect: boolean;
}

/** Refused, for good: nothing was done, and asking again gets the same answer. */
const REFUSED: FailureClass = { transient: false, mayHaveTakenEffect: false };

/** Refused for now (throttled, or busy): nothing was done, and it may pass. */
const REFUSED_FOR_NOW: FailureClass = { transient: true, mayHaveTakenEffect: false };

/** The service or a gateway failed: it may have passed the request on first, and it may pass. */
const FAILED_IN_SERVICE: FailureClass = { transient: true, mayHaveTakenEffect: true };

/** Any other 5xx (501 Not Implemented, 505, ...): it may have passed the request on, and it will not pass. */
const FAILED_FOR_GOOD: FailureClass = { transient: false, mayHaveTakenEffect: true };

/**
 * API error codes that decide whatever the HTTP status (ecs-api.md §5.3, §8).
 * `Common.0024` "Flow limit exceeded" is documented with HTTP 202, `Common.1503` with 429,
 * `APIG.0308` / `APIGW.0308` (both spellings are documented) with 429, `Ecs.0603` "The commands
 * are being executed. Try again later." with 501: each is a refusal that may pass.
 */
export const FAILURE_CLASS_BY_CODE: Readonly<Record<string, FailureClass>> = {
  'APIG.0308': REFUSED_FOR_NOW,
  'APIGW.0308': REFUSED_FOR_NOW,
  'Common.0024': REFUSED_FOR_NOW,
  'Common.1503': REFUSED_FOR_NOW,
  'Ecs.0603': REFUSED_FOR_NOW,
};

/**
 * HTTP statuses of an answer without a deciding code (ecs-api.md §5.2, §8): 429 is throttling;
 * 500, 502, 503 and 504 a failure of the service or a gateway. Any other 5xx falls to
 * {@link FAILED_FOR_GOOD}, any other status to {@link REFUSED}.
 */
export const FAILURE_CLASS_BY_STATUS: Readonly<Record<number, FailureClass>> = {
  429: REFUSED_FOR_NOW,
  500: FAILED_IN_SERVICE,
  502: FAILED_IN_SERVICE,
  503: FAILED_IN_SERVICE,
  504: FAILED_IN_SERVICE,
};

/**
 * The class of an API error answer: by its code when the code decides, else by its status.
 * @internal
 */
export function classifyApiFailure(status: number, code: string | undefined): FailureClass {
  if (code !== undefined && Object.hasOwn(FAILURE_CLASS_BY_CODE, code)) return FAILURE_CLASS_BY_CODE[code] ?? REFUSED;
  if (Object.hasOwn(FAILURE_CLASS_BY_STATUS, status)) return FAILURE_CLASS_BY_STATUS[status] ?? REFUSED;
  return status >= 500 ? FAILED_FOR_GOOD : REFUSED;
}

/** Errors with no answer from the API, or a garbled one: each may pass on its own. */
const TRANSIENT_WITHOUT_ANSWER: ReadonlySet<string> = new Set(['EcsNetworkError', 'EcsTimeoutError', 'EcsResponseError']);

/**
 * The class of any error: an `EcsApiError` by its status and code; no response, a timeout or a
 * garbled body is transient and keeps its own `mayHaveTakenEffect`; anything else (bad input,
 * a preflight block, a failed job, an error not from core) is final. Recognises errors of
 * another realm by their `name`.
 * @internal
 */
export function classifyFailure(error: unknown): FailureClass {
  if (!isEcsError(error)) return REFUSED;
  if (error.name === 'EcsApiError') {
    const { status, code } = error as unknown as { status: number; code: string | undefined };
    return classifyApiFailure(status, code);
  }
  return { transient: TRANSIENT_WITHOUT_ANSWER.has(error.name), mayHaveTakenEffect: error.mayHaveTakenEffect };
}

/**
 * Whether a failed request may be sent again at once: a read (GET) whenever the failure is
 * transient; a write (the resize POST) only when it is transient and provably did nothing.
 * @internal
 */
export function mayRetry(failure: FailureClass, method: string): boolean {
  return failure.transient && (method.toUpperCase() === 'GET' || !failure.mayHaveTakenEffect);
}
