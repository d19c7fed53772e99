import type { ApiErrorAdvice } from '../errors/api-error-advice.js';

/** The request an error belongs to, as the errors built from its response need it. */
export interface FailedRequest {
  method: string;
  url: string;
  /** The per-attempt timeout, for the message of a timeout. */
  timeout: number | false;
  /** The caller's signal: an abort it asked for is passed on as it is. */
  signal?: AbortSignal | undefined;
  /** Secret values to mask in anything taken from a response. */
  secrets: readonly string[];
  /** The largest successful body read, in bytes (the client's `maxResponseBytes`). */
  maxResponseBytes: number;
  /** What its API errors say to do (their `hint`): the connection's advice, if it has any. */
  advice?: ApiErrorAdvice | undefined;
}
