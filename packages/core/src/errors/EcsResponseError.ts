import { EcsError } from './EcsError.js';

/**
 * A 2xx response whose body is not what the API documents (malformed JSON, a missing field,
 * a wrong type). The server received the request.
 */
export class EcsResponseError extends EcsError {
  override name = 'EcsResponseError';
  /** HTTP status of the response. */
  readonly status: number;
  /** The request's method. */
  readonly method: string;
  /** The request's URL. */
  readonly url: string;
  /** What did not match, as `path: problem` lines. */
  readonly issues: readonly string[];

  /** True: the API answered 2xx, so a resize was accepted even though its answer was garbled. */
  override get mayHaveTakenEffect(): boolean {
    return true;
  }

  /**
   * @param status HTTP status.
   * @param method The request's method.
   * @param url The request's URL.
   * @param issues What did not match.
   */
  constructor(status: number, method: string, url: string, issues: readonly string[]) {
    // A write (the resize POST) was answered 2xx: it may be running, whatever its answer says.
    const effect =
      method === 'GET' ? '' : ` The ${method} was accepted and may have taken effect: check before sending it again.`;
    super(
      `Unexpected response (HTTP ${status}) to ${method} ${url}: ${issues.join('; ')}.${effect} ` +
        'The API or a proxy in between answered something this client does not understand; ' +
        'check the endpoint, and report it if the endpoint is right.',
    );
    this.status = status;
    this.method = method;
    this.url = url;
    this.issues = issues;
  }
}
