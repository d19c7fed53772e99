import * as v from 'valibot';

/**
 * A whole number from `min` to `max`, with messages that say so. Written with `v.check`, which
 * every page already bundles, rather than `v.integer`, `v.minValue` and `v.maxValue`, which only
 * these checks would bring (about 60 B gz of a page that resizes); the messages are the same.
 * @internal
 */
export function wholeNumber(min: number, max: number) {
  return v.pipe(
    v.number('must be a number'),
    v.check<number, string>(Number.isInteger, 'must be a whole number'),
    v.check<number, string>((value) => value >= min, `must be at least ${min}`),
    v.check<number, string>((value) => value <= max, `must be at most ${max}`),
  );
}
