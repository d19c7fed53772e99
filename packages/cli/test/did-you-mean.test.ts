/**
 * "Did you mean" for misspelt commands and flags, and `help <command>`, through `runCli` in
 * this process: nothing here reaches a network.
 */
import { describe, expect, it } from 'vitest';
import { closestName, editDistance } from '../src/args/closest-name.js';
import { runInProcess } from './helpers/run-in-process.js';

describe('editDistance', () => {
  it.each([
    ['check', 'check', 0],
    ['chek', 'check', 1],
    ['cehck', 'check', 1],
    ['dry-rn', 'dry-run', 1],
    ['', 'job', 3],
    ['flavours', 'flavors', 1],
    ['resize', 'check', 6],
  ])('%j → %j is %i', (from, to, distance) => {
    expect(editDistance(from, to)).toBe(distance);
    expect(editDistance(to, from)).toBe(distance);
  });
});

describe('closestName', () => {
  const names = ['check', 'resize', 'flavors', 'job', 'fleet', 'config', 'help'];
  it.each([
    ['chek', 'check'],
    ['CHECK', 'check'],
    ['reszie', 'resize'],
    ['flavours', 'flavors'],
    ['jb', 'job'],
    ['hepl', 'help'],
    ['bogus', undefined],
    ['x', undefined],
    ['deploy', undefined],
  ])('%j → %j', (input, expected) => {
    expect(closestName(input, names)).toBe(expected);
  });

  it('names none when two are as near', () => {
    expect(closestName('ab', ['ax', 'ay'])).toBeUndefined();
  });
});

describe('misspelt commands and flags exit 2 with the nearest', () => {
  it.each([
    { args: ['chek'], message: 'Unknown command "chek". Did you mean "check"?' },
    { args: ['reszie', 'srv', 's3.large.2'], message: 'Unknown command "reszie". Did you mean "resize"?' },
    { args: ['flavours', 'srv'], message: 'Unknown command "flavours". Did you mean "flavors"?' },
    { args: ['fleat', 'plan', 'f.json'], message: 'Unknown command "fleat". Did you mean "fleet"?' },
    { args: ['fleet', 'pln', 'f.json'], message: 'Unknown command "fleet pln". Did you mean "fleet plan"?' },
    { args: ['hlep'], message: 'Unknown command "hlep". Did you mean "help"?' },
    { args: ['bogus'], message: 'Unknown command "bogus". Run: ecs-resize --help' },
    { args: ['fleet', 'bogus', 'f.json'], message: 'ecs-resize fleet needs one of: plan, apply. Run: ecs-resize fleet --help' },
    { args: ['resize', 'srv', 's3.large.2', '--dry-rn'], message: 'Unknown flag --dry-rn for "resize". Did you mean --dry-run?' },
    { args: ['check', 'srv', 's3.large.2', '--jsn'], message: 'Unknown flag --jsn for "check". Did you mean --json?' },
    {
      args: ['check', 'srv', 's3.large.2', '--endpont=x'],
      message: 'Unknown flag --endpont for "check". Did you mean --endpoint?',
    },
    {
      args: ['check', 'srv', 's3.large.2', '--bogus'],
      message: 'Unknown flag --bogus for "check". Run: ecs-resize check --help',
    },
    { args: ['check', 'srv', 's3.large.2', '-q'], message: 'Unknown flag -q for "check". Run: ecs-resize check --help' },
  ])('$args', async ({ args, message }) => {
    const { code, stdout, stderr } = await runInProcess(args);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toContain(message);
  });

  it('never suggests a flag for a secret: the advice stays', async () => {
    const { code, stderr } = await runInProcess(['check', 'srv', 's3.large.2', '--secret-key', 'x']);
    expect(code).toBe(2);
    expect(stderr).toContain('secrets are never taken from flags');
    expect(stderr).not.toContain('Did you mean');
  });
});

describe('help <command>', () => {
  it.each([
    ['servers'],
    ['check'],
    ['resize'],
    ['flavors'],
    ['job'],
    ['fleet', 'plan'],
    ['fleet', 'apply'],
    ['config'],
    ['fleet'],
  ])('help %s prints what --help prints', async (...words) => {
    const viaWord = await runInProcess(['help', ...words]);
    const viaFlag = await runInProcess([...words, '--help']);
    expect(viaWord).toEqual(viaFlag);
    expect(viaWord.code).toBe(0);
    expect(viaWord.stdout).toContain(`Usage: ecs-resize ${words.join(' ')}`);
  });

  it('help alone prints the general help', async () => {
    const viaWord = await runInProcess(['help']);
    expect(viaWord).toEqual(await runInProcess(['--help']));
    expect(viaWord.stdout).toContain("Run 'ecs-resize help <command>'");
  });

  it.each([
    [['help', 'nosuch'], 'Unknown command "nosuch". Run: ecs-resize --help'],
    [['help', 'chek'], 'Unknown command "chek". Did you mean "check"?'],
  ])('%j is the unknown-command error', async (args, message) => {
    const { code, stdout, stderr } = await runInProcess(args);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toContain(message);
  });
});
