/** Says what to do about an API error of this status and code, or undefined when there is nothing to add. */
export type ApiErrorAdvice = (status: number, code: string | undefined) => string | undefined;

/** The advice every new `EcsApiError` takes its `hint` from; none until an entry installs it. */
let installed: ApiErrorAdvice | undefined;

/**
 * Makes every `EcsApiError` built from now on carry `advice` in its `hint` and message. The
 * client entry (`createEcsClient`'s module, which every import of `@ecs-resize/core` in Node, the
 * CLI and the browser IIFE load) installs core's hint table, so that a page bundling only the
 * modular operations (`createEcsConnection`, `resize`, `waitForJob`) does not carry the table:
 * its errors then have no `hint`, and their message is the API's own.
 * @internal
 */
export function installApiErrorAdvice(advice: ApiErrorAdvice): void {
  installed = advice;
}

/**
 * The installed advice for an API error, or undefined when none is installed or it has none.
 * @internal
 */
export function apiErrorAdvice(status: number, code: string | undefined): string | undefined {
  return installed?.(status, code);
}
