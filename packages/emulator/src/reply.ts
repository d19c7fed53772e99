/** An HTTP answer before it is written: status, extra headers and the exact body text. */
export interface Reply {
  /** HTTP status code. */
  readonly status: number;
  /** Headers besides the ones every answer gets (`X-Request-Id`, CORS). */
  readonly headers: Readonly<Record<string, string>>;
  /** The body, possibly empty. */
  readonly body: string;
}

/** What the emulator does with a request: answer it, or destroy the socket without an answer. */
export type Answer = Reply | { readonly reset: true };

/** The content type of every JSON answer, as ECS sends it. */
export const JSON_CONTENT_TYPE = 'application/json;charset=UTF-8';

/** A JSON answer. */
export function jsonReply(status: number, value: unknown): Reply {
  return { status, headers: { 'Content-Type': JSON_CONTENT_TYPE }, body: JSON.stringify(value) };
}

/** An answer with no body (and so no content type). */
export function emptyReply(status: number, headers: Readonly<Record<string, string>> = {}): Reply {
  return { status, headers, body: '' };
}
