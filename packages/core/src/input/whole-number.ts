import * as v from 'valibot';

/**
 * A whole number from `min` to `max`, with messages that say so.
 * @internal
 */
export function wholeNumber(min: number, max: number) {
  return v.pipe(
    v.number('must be a number'),
    v.integer('must be a whole number'),
    v.minValue(min, `must be at least ${min}`),
    v.maxValue(max, `must be at most ${max}`),
  );
}
