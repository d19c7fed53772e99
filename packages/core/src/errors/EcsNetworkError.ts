import { redactSecrets } from '../http/redact.js';
import { EcsError } from './EcsError.js';
import { uncertainRequestAdvice } from './uncertain-request-advice.js';

/**
 * The request got no HTTP response: the connection was refused, reset or lost.
 * Check `mayHaveReachedServer` before sending a non-idempotent request (a resize) again.
 */
export class EcsNetworkError extends EcsError {
  override name = 'EcsNetworkError';
  /** The request's method. */
  readonly method: string;
  /** The request's URL. */
  readonly url: string;
  /**
   * False only when the failure proves the request never left (connection refused, host not
   * found). True means the server may have received it and acted on it.
   */
  readonly mayHaveReachedServer: boolean;

  /** The same as `mayHaveReachedServer`. */
  override get mayHaveTakenEffect(): boolean {
    return this.mayHaveReachedServer;
  }

  /**
   * @param method The request's method.
   * @param unmaskedUrl The request's URL.
   * @param mayHaveReachedServer See the property.
   * @param cause The fetch error.
   * @param secrets Secrets to mask in the URL (an id in it may come from a response).
   */
  constructor(
    method: string,
    unmaskedUrl: string,
    mayHaveReachedServer: boolean,
    cause: unknown,
    secrets: readonly string[] = [],
  ) {
    const url = redactSecrets(unmaskedUrl, secrets);
    const advice = mayHaveReachedServer
      ? uncertainRequestAdvice(method)
      : 'It never reached the server: check the endpoint and the network, then send it again.';
    super(`Network error, no response: ${method} ${url}. ${advice}`, { cause });
    this.method = method;
    this.url = url;
    this.mayHaveReachedServer = mayHaveReachedServer;
  }
}
