import { proxyErrorResponse, type ProxyErrorKind } from './proxy-errors.js';

/**
 * A request the proxy refuses: thrown by the checks, answered by {@link answerRefusals}. It
 * never leaves the proxy.
 * @internal
 */
export class ProxyRefusal extends Error {
  override name = 'ProxyRefusal';
  /** Which refusal: the answer's status, code and message. */
  readonly kind: ProxyErrorKind;

  /** @param kind Which refusal. */
  constructor(kind: ProxyErrorKind) {
    super(`Refused: ${kind}`);
    this.kind = kind;
  }
}

/**
 * Runs `handle`; a {@link ProxyRefusal} it throws becomes the refusal's answer, anything else
 * is thrown on.
 * @internal
 */
export async function answerRefusals(handle: () => Promise<Response>): Promise<Response> {
  try {
    return await handle();
  } catch (error) {
    if (error instanceof ProxyRefusal) return proxyErrorResponse(error.kind);
    throw error;
  }
}
