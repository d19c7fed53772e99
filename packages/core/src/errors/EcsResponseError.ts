import { redactSecrets, redactSecretsDeep } from '../http/redact.js';
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
   * @param unmaskedUrl The request's URL.
   * @param unmaskedIssues What did not match (valibot quotes the values it received).
   * @param secrets Secrets to mask in the URL and the issues.
   */
  constructor(
    status: number,
    method: string,
    unmaskedUrl: string,
    unmaskedIssues: readonly string[],
    secrets: readonly string[] = [],
  ) {
    const url = redactSecrets(unmaskedUrl, secrets);
    const issues = redactSecretsDeep(unmaskedIssues, secrets);
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
