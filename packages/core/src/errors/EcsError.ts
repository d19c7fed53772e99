/**
 * The base class of every error `@ecs-resize/core` throws, so one `instanceof EcsError`
 * (or `isEcsError`, which also works across realms) catches them all.
 */
export class EcsError extends Error {
  override name = 'EcsError';

  /**
   * Whether the request that failed may still have taken effect, so that a write (a resize)
   * must not be sent again before checking the server and its jobs. False when the failure
   * proves nothing happened: bad input, a preflight block, a refusal by the API (4xx).
   */
  get mayHaveTakenEffect(): boolean {
    return false;
  }

  /**
   * @param message What failed and what to do about it.
   * @param options `cause`: the underlying error, when there is one.
   */
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
  }
}

/**
 * Tells whether `value` is an error thrown by `@ecs-resize/core`. Checks the prototype chain
 * first and falls back to the `name`, so errors from another realm (an iframe) are recognised.
 */
export function isEcsError(value: unknown): value is EcsError {
  if (value instanceof EcsError) return true;
  return value instanceof Error && /^(Ecs\w*Error|Job\w+Error|PreflightError)$/.test(value.name);
}
