/**
 * Whole-number options (`wholeNumber`): each bad value is refused with the field and what it
 * must be, before anything is sent, and the bounds themselves are accepted.
 */
import { describe, expect, it } from 'vitest';
import { createEcsConnection, EcsInputError, waitForJob } from '../src/index.js';

/** A connection's options, with `extra` on top; nothing is sent by creating it. */
const optionsWith = (extra: Record<string, unknown>) =>
  ({ endpoint: 'https://ecs.example', projectId: 'p1', ...extra }) as Parameters<typeof createEcsConnection>[0];

describe('createEcsConnection refuses a bad whole number, naming it', () => {
  it.each([
    { field: 'maxPages', value: 0, message: 'must be at least 1 (got 0)' },
    { field: 'maxPages', value: 1.5, message: 'must be a whole number (got 1.5)' },
    { field: 'maxPages', value: 1e7, message: 'must be at most 1000000 (got 10000000)' },
    { field: 'maxPages', value: Infinity, message: 'must be a whole number (got Infinity)' },
    { field: 'maxPages', value: NaN, message: 'must be a number (got NaN)' },
    { field: 'maxPages', value: '5', message: 'must be a number (got a string of 1 characters)' },
    { field: 'maxResponseBytes', value: 1023, message: 'must be at least 1024 (got 1023)' },
    { field: 'maxItems', value: -1, message: 'must be at least 1 (got -1)' },
  ])('$field: $value', ({ field, value, message }) => {
    const error = (() => {
      try {
        createEcsConnection(optionsWith({ [field]: value }));
      } catch (thrown) {
        return thrown;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(EcsInputError);
    expect((error as EcsInputError).issues).toEqual([{ path: field, message }]);
  });

  it.each([
    { field: 'maxPages', value: 1 },
    { field: 'maxPages', value: 1_000_000 },
    { field: 'maxResponseBytes', value: 1024 },
    { field: 'maxItems', value: 100_000_000 },
  ])('$field: $value, a bound, is accepted', ({ field, value }) => {
    expect(createEcsConnection(optionsWith({ [field]: value })).projectId).toBe('p1');
  });
});

describe('waitForJob refuses a bad duration before polling', () => {
  // The endpoint is never asked: a fetch that fails the test if it is called.
  const ecs = createEcsConnection(
    optionsWith({
      fetch: () => {
        throw new Error('nothing may be sent');
      },
    }),
  );

  it.each([
    { option: 'interval', value: 0, message: 'must be at least 1 (got 0)' },
    { option: 'timeout', value: 2.5, message: 'must be a whole number (got 2.5)' },
    { option: 'maxInterval', value: 2 ** 31, message: 'must be at most 2147483647 (got 2147483648)' },
  ])('$option: $value', async ({ option, value, message }) => {
    await expect(waitForJob(ecs, 'job1', { [option]: value })).rejects.toMatchObject({
      name: 'EcsInputError',
      issues: [{ path: `options.${option}`, message }],
    });
  });
});
