import { describe, expect, it } from 'vitest';
import { runInProcess } from './helpers/run-in-process.js';

describe('a flag given without its value says so in one line, with the value it takes', () => {
  it.each([
    {
      args: ['check', '--terraform'],
      says: '--terraform needs a value: --terraform <plan.json|->. Run: ecs-resize check --help',
    },
    {
      args: ['check', '--terraform', '--json'],
      says: '--terraform needs a value: --terraform <plan.json|->. Run: ecs-resize check --help',
    },
    { args: ['check', '--facts', '-x'], says: '--facts needs a value: --facts <facts.json|->. Run: ecs-resize check --help' },
    { args: ['check', 'a', 'b', '--mode'], says: '--mode needs a value: --mode withStopServer. Run: ecs-resize check --help' },
    {
      args: ['check', 'a', 'b', '--confirm', '--json'],
      says: '--confirm needs a value: --confirm <list>. Run: ecs-resize check --help',
    },
    { args: ['servers', '--endpoint'], says: '--endpoint needs a value: --endpoint <url>. Run: ecs-resize servers --help' },
  ])('$args', async ({ args, says }) => {
    const { code, stderr } = await runInProcess(args);
    expect([code, stderr]).toEqual([2, `error: ${says}\n`]);
  });
});

describe('a value given to a flag that takes none is not called missing', () => {
  it('--json=yes', async () => {
    const { code, stderr } = await runInProcess(['servers', '--json=yes']);
    expect(code).toBe(2);
    expect(stderr).toContain("'--json' does not take an argument");
    expect(stderr).not.toContain('needs a value');
  });
});
