import { redactSecretsDeep } from '../http/redact.js';
import { EcsError } from './EcsError.js';
import type { ApiErrorAdvice } from './api-error-advice.js';
import { classifyApiFailure } from './failure-class.js';

/** A nested error detail some ECS error bodies carry (`error.details`). */
export interface ApiErrorDetail {
  code?: string | undefined;
  message?: string | undefined;
}

/** What an {@link EcsApiError} is built from. */
export interface EcsApiErrorInit {
  /** HTTP status of the response. */
  status: number;
  /** The API's error code (`Ecs.0100`, `APIG.0308`, `Common.0011`...), when the body had one. */
  code?: string | undefined;
  /** The API's own message, when the body had one. */
  apiMessage?: string | undefined;
  /** From the `X-Request-Id` header, else the body's `request_id`. */
  requestId?: string | undefined;
  /** Nested details from the body, when present. */
  details?: readonly ApiErrorDetail[] | undefined;
  /** The request's method. */
  method: string;
  /** The request's URL (credentials travel in headers, but an id in it may come from a response). */
  url: string;
  /** The secrets to mask in everything above: a response may echo a credential. */
  secrets?: readonly string[] | undefined;
  /**
   * What to say about this status and code: the error's `hint`. A client from `createEcsClient`
   * passes core's table (`apiErrorHint`); left out, the error has no hint.
   */
  advice?: ApiErrorAdvice | undefined;
}

/**
 * The ECS API answered with an error (a non-2xx status, or a 2xx whose body is an error
 * envelope, as the documented `Common.0024` "Flow limit exceeded" with HTTP 202).
 * The server received the request; whether it acted on it depends on the code.
 */
export class EcsApiError extends EcsError {
  override name = 'EcsApiError';
  /** HTTP status of the response. */
  readonly status: number;
  /** The API's error code, e.g. `Ecs.0100`, `APIG.0308`; undefined when the body had none. */
  readonly code: string | undefined;
  /** The API's own message (the `message` property holds the full explanation). */
  readonly apiMessage: string | undefined;
  /** The request id to quote to support, from `X-Request-Id` or the body. */
  readonly requestId: string | undefined;
  /** Nested details from the body. */
  readonly details: readonly ApiErrorDetail[];
  /** The request's method. */
  readonly method: string;
  /** The request's URL. */
  readonly url: string;
  /**
   * What to do about it, in an operator's words, when the advice it was built with knows the
   * status or code: a client from `createEcsClient` gives core's table (`apiErrorHint`); a bare
   * `createEcsConnection` gives none (its page does not bundle the table), nor does a constructor
   * call without `advice`.
   */
  readonly hint: string | undefined;

  /**
   * True for a 5xx: a gateway may have passed the request on before failing; false for a 4xx,
   * and for a refusal whose code says so whatever the status (throttling, `Ecs.0603` busy with
   * 501): nothing was done. See `errors/failure-class.ts`.
   */
  override get mayHaveTakenEffect(): boolean {
    return classifyApiFailure(this.status, this.code).mayHaveTakenEffect;
  }

  /** @param unmasked The parsed response; every string in it is masked with its `secrets` before it is kept. */
  constructor(unmasked: EcsApiErrorInit) {
    const { secrets = [], advice, ...fields } = unmasked;
    const init = redactSecretsDeep(fields, secrets);
    const hint = advice?.(init.status, init.code);
    const what = init.code ? `${init.code} (HTTP ${init.status})` : `HTTP ${init.status}`;
    const said = init.apiMessage ? `: ${init.apiMessage}` : '';
    const id = init.requestId ? ` (request id ${init.requestId})` : '';
    super(`ECS API error ${what}${said} — ${init.method} ${init.url}${id}.${hint ? ` ${hint}` : ''}`);
    this.status = init.status;
    this.code = init.code;
    this.apiMessage = init.apiMessage;
    this.requestId = init.requestId;
    this.details = init.details ?? [];
    this.method = init.method;
    this.url = init.url;
    this.hint = hint;
  }
}
