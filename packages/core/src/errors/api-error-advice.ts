/**
 * Says what to do about an API error of this status and code, or undefined when there is nothing
 * to add. A connection carries one (core's hint table, `apiErrorHint`, for a client from
 * `createEcsClient`; none for a bare `createEcsConnection`), and its transport gives it to every
 * `EcsApiError` it builds: no module-level state decides whether an error has a hint.
 */
export type ApiErrorAdvice = (status: number, code: string | undefined) => string | undefined;
