import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../src/errors/UsageError.js';
import { readJsonInput } from '../src/input/read-json-input.js';

const PLAN = { what: 'the plan', flag: '--terraform', maxBytes: 2 ** 20 } as const;

describe('an empty JSON input says it is empty, not a parser error', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ecs-resize-empty-'));
  });
  afterAll(() => rm(dir, { recursive: true }));

  /** The refusal of `text`, read from the standard input (`-`) or from a file. */
  async function refusalOf(text: string, source: 'stdin' | 'file'): Promise<string> {
    const path = join(dir, 'plan.json');
    if (source === 'file') await writeFile(path, text);
    const read = readJsonInput(
      { ...PLAN, source: source === 'stdin' ? '-' : path },
      { stdin: Readable.from(text === '' ? [] : [text]), cwd: dir },
    );
    const error: unknown = await read.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UsageError);
    return (error as UsageError).message;
  }

  it.each([
    { name: 'nothing on stdin (the command before the pipe failed)', text: '', source: 'stdin' as const },
    { name: 'a newline on stdin', text: '\n', source: 'stdin' as const },
    { name: 'blanks on stdin', text: ' \t\r\n ', source: 'stdin' as const },
  ])('$name', async ({ text, source }) => {
    expect(await refusalOf(text, source)).toBe(
      '--terraform - (stdin): the plan is empty: did the command that writes it fail? Nothing was checked.',
    );
  });

  it.each([
    { name: 'an empty file', text: '' },
    { name: 'a file of blanks', text: '\n\n' },
  ])('$name', async ({ text }) => {
    expect(await refusalOf(text, 'file')).toBe(`--terraform ${join(dir, 'plan.json')}: the plan is empty. Nothing was checked.`);
  });

  it('text that is not JSON keeps the parser reason', async () => {
    expect(await refusalOf('{', 'stdin')).toMatch(/^--terraform - \(stdin\): the plan is not JSON \(.+\)\.$/);
  });
});
