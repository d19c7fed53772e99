import { redactSecrets } from '../http/redact.js';
import { EcsError } from './EcsError.js';
import { uncertainRequestAdvice } from './uncertain-request-advice.js';

/**
 * An attempt got no response within the client's `timeout`. The server may have received
 * the request and acted on it, so a resize is never sent again automatically.
 */
export class EcsTimeoutError extends EcsError {
  override name = 'EcsTimeoutError';
  /** The request's method. */
  readonly method: string;
  /** The request's URL. */
  readonly url: string;
  /** The per-attempt timeout that ran out, in milliseconds. */
  readonly timeout: number;
  /** Always true: a timed-out request may have been received. */
  readonly mayHaveReachedServer = true;

  /** Always true: the server may have received the request and acted on it. */
  override get mayHaveTakenEffect(): boolean {
    return true;
  }

  /**
   * @param method The request's method.
   * @param unmaskedUrl The request's URL.
   * @param timeout The timeout, in milliseconds.
   * @param secrets Secrets to mask in the URL (an id in it may come from a response).
   */
  constructor(method: string, unmaskedUrl: string, timeout: number, secrets: readonly string[] = []) {
    const url = redactSecrets(unmaskedUrl, secrets);
    super(
      `Request timed out after ${timeout} ms: ${method} ${url}. ${uncertainRequestAdvice(method)} ` +
        'Allow a longer timeout if the API is slow.',
    );
    this.method = method;
    this.url = url;
    this.timeout = timeout;
  }
}
