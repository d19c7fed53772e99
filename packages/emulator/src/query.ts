import { ecsError, ReplyError } from './errors.js';

/** Bounds and default of an integer query parameter. */
export interface IntegerParam {
  /** Value when the parameter is absent or empty. */
  readonly fallback: number;
  /** Smallest accepted value. */
  readonly min: number;
  /** Largest accepted value. @default Number.MAX_SAFE_INTEGER */
  readonly max?: number;
}

/** Reads an integer query parameter; throws a `ReplyError` with `Ecs.0005` when it is not a valid one. */
export function readInteger(
  query: URLSearchParams,
  name: string,
  { fallback, min, max = Number.MAX_SAFE_INTEGER }: IntegerParam,
): number {
  const text = readText(query, name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) throw new ReplyError(ecsError('Ecs.0005'));
  return value;
}

/** Reads one of `allowed` from the query; throws a `ReplyError` with `Ecs.0005` for any other value. */
export function readChoice<T extends string>(query: URLSearchParams, name: string, allowed: readonly T[], fallback: T): T {
  const text = readText(query, name);
  if (text === undefined) return fallback;
  const choice = allowed.find((value) => value === text);
  if (choice === undefined) throw new ReplyError(ecsError('Ecs.0005'));
  return choice;
}

/** A query parameter's value; undefined when it is absent or empty. */
export function readText(query: URLSearchParams, name: string): string | undefined {
  return query.get(name) || undefined;
}
