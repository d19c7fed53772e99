import { describe, expect, it } from 'vitest';
import { runInProcess } from './helpers/run-in-process.js';

describe("an empty file name ('') is refused as such, not read as the working directory", () => {
  it.each([
    {
      args: ['check', '--terraform', ''],
      says: "The name of the plan is empty (--terraform ''): give a file name, or - for the standard input.",
    },
    {
      args: ['check', '--facts', ''],
      says: "The name of the facts document is empty (--facts ''): give a file name, or - for the standard input.",
    },
  ])('$args', async ({ args, says }) => {
    const { code, stderr } = await runInProcess(args);
    expect([code, stderr]).toEqual([2, `error: ${says} Nothing was read.\n`]);
  });
});
