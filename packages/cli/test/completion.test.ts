import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GLOBAL_OPTIONS } from '../src/args/global-options.js';
import { PREFLIGHT_OPTIONS } from '../src/args/preflight-options.js';
import { COMMANDS } from '../src/commands/index.js';
import { cli } from './helpers/cli.js';
import { runInProcess } from './helpers/run-in-process.js';

const run = promisify(execFile);

/** The long flags a command takes, its own and the global ones, as written (`--mode`). */
const flagsOf = (options: object) => Object.keys({ ...options, ...GLOBAL_OPTIONS }).map((name) => `--${name}`);

/** Every command, its flags, and the words that call it. */
const COMMAND_TABLE = COMMANDS.map(({ name, options }) => ({ name, flags: flagsOf(options) }));

/** The first words: each command's first word, once, and `help`. */
const FIRST_WORDS = [...new Set(COMMANDS.map(({ name }) => name.split(' ')[0]))];

/** A word as a POSIX shell (zsh) reads it: as it is when plain, else in single quotes. */
const posixQuote = (word: string) => (/^[\w.,:@%+=/-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`);

/** A word as fish reads it: in single quotes, where \' and \\ are the escapes. */
const fishQuote = (word: string) => `'${word.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;

let directory = '';
let bashScriptPath = '';
const scripts: Record<string, string> = {};

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'ecs-resize-completion-'));
  for (const shell of ['bash', 'zsh', 'fish']) {
    const { code, stdout, stderr } = await cli(['completion', shell]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    scripts[shell] = stdout;
  }
  bashScriptPath = join(directory, 'ecs-resize.bash');
  writeFileSync(bashScriptPath, scripts['bash'] ?? '');
  for (const file of ['fleet.csv', 'fleet.json', 'ecs-resize.config.json']) writeFileSync(join(directory, file), '');
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/**
 * What bash offers for `ecs-resize ...words` (the last word is the one being completed): the
 * script sourced into a fresh bash, its function called as bash calls it on Tab.
 */
async function bashCandidates(words: readonly string[]): Promise<string[]> {
  const program = [
    'source "$1"; shift',
    'COMP_WORDS=(ecs-resize "$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1))',
    '_ecs_resize',
    'printf "%s\\n" "${COMPREPLY[@]}"',
  ].join('\n');
  const { stdout } = await run('bash', ['-c', program, 'bash', bashScriptPath, ...words], {
    cwd: directory,
    env: { PATH: process.env['PATH'] ?? '' },
  });
  return stdout.split('\n').filter(Boolean);
}

describe('ecs-resize completion bash', () => {
  it('is a valid bash script (bash -n) that registers _ecs_resize for ecs-resize', async () => {
    await run('bash', ['-n', bashScriptPath]);
    const { stdout } = await run('bash', ['-c', 'source "$1"; complete -p ecs-resize', 'bash', bashScriptPath]);
    expect(stdout.trim()).toBe('complete -F _ecs_resize ecs-resize');
  });

  it.each([
    { typed: [''], expected: [...FIRST_WORDS, 'help'] },
    { typed: ['ch'], expected: ['check'] },
    { typed: ['fl'], expected: ['flavors', 'fleet'] },
    { typed: ['fleet', ''], expected: ['plan', 'apply'] },
    { typed: ['fleet', 'a'], expected: ['apply'] },
    { typed: ['help', ''], expected: FIRST_WORDS },
    { typed: ['help', 'fl'], expected: ['flavors', 'fleet'] },
    { typed: ['help', 'fleet', 'p'], expected: ['plan'] },
    { typed: ['completion', ''], expected: ['bash', 'zsh', 'fish'] },
    { typed: ['completion', 'z'], expected: ['zsh'] },
    { typed: ['--json', 'se'], expected: ['servers'] },
    { typed: ['--endpoint', 'http://127.0.0.1:1', 're'], expected: ['resize'] },
    { typed: ['--endpoint', ''], expected: [] },
    { typed: ['--c'], expected: ['--config'] },
    { typed: ['check', '--mo'], expected: ['--mode'] },
    { typed: ['check', 'web-1', 's3.large.2', '--mode', ''], expected: ['withStopServer'] },
    { typed: ['check', '--mode', '=', ''], expected: ['withStopServer'] },
    { typed: ['resize', '--confirm', ''], expected: ['xen-to-kvm-drivers', 'h1-drivers'] },
    { typed: ['resize', '--confirm', 'h'], expected: ['h1-drivers'] },
    { typed: ['flavors', '--mode', 'withStopServer', '--a'], expected: ['--auto-pay', '--all'] },
    { typed: ['servers', '--mo'], expected: [] },
    { typed: ['fleet', 'apply', '--j'], expected: ['--journal', '--json'] },
    { typed: ['fleet', 'plan', '--j'], expected: ['--json'] },
    { typed: ['emulator', '--p'], expected: ['--port', '--project-id'] },
    { typed: ['fleet', 'plan', 'fleet.'], expected: ['fleet.csv', 'fleet.json'] },
    { typed: ['check', '--config', 'ecs'], expected: ['ecs-resize.bash', 'ecs-resize.config.json'] },
    { typed: ['fleet', 'apply', 'x.csv', '--journal', 'fleet.j'], expected: ['fleet.json'] },
    { typed: ['check', '--terraform', 'fleet.c'], expected: ['fleet.csv'] },
    { typed: ['check', '--facts', 'fleet.j'], expected: ['fleet.json'] },
  ])('ecs-resize $typed offers $expected', async ({ typed, expected }) => {
    expect((await bashCandidates(typed)).sort()).toEqual([...expected].sort());
  });

  // From the command table, not from a list kept here: a flag added to a command shows up.
  it.each(COMMAND_TABLE)('ecs-resize $name -- offers its flags and the global ones', async ({ name, flags }) => {
    const offered = await bashCandidates([...name.split(' '), '--']);
    expect(offered.sort()).toEqual(flags.sort());
  });
});

// zsh and fish are not installed on the machine the suite was written on (`command -v zsh fish`
// finds neither), so their scripts are checked as text: every command, flag and value is in
// them, and each quoted word is closed.
describe.each([
  {
    shell: 'zsh',
    quote: posixQuote,
    registers: 'compdef _ecs_resize ecs-resize',
    // A word and its description, as _describe takes them.
    described: (word: string, description: string) => posixQuote(`${word}:${description}`),
    // A POSIX single-quoted word, or a quote written '\'' inside one.
    unquoted: (line: string) => line.replaceAll("'\\''", '').replaceAll(/'[^']*'/g, ''),
  },
  {
    shell: 'fish',
    quote: fishQuote,
    registers: "complete -c ecs-resize -f -a '(__ecs_resize_complete)'",
    // A word and its description, printed with a tab between them.
    described: (word: string, description: string) => `${fishQuote(word)} ${fishQuote(description)}`,
    // A fish single-quoted word, where \' and \\ are escapes.
    unquoted: (line: string) => line.replaceAll(/'(?:[^'\\]|\\.)*'/g, ''),
  },
])('ecs-resize completion $shell', ({ shell, quote, registers, described, unquoted }) => {
  const script = () => scripts[shell] ?? '';

  it('registers its function for ecs-resize', () => {
    expect(script()).toContain(registers);
  });

  it.each(COMMAND_TABLE)('has $name and each of its flags', ({ name, flags }) => {
    for (const word of name.split(' ')) expect(script()).toContain(quote(word));
    for (const flag of flags) expect(script()).toContain(quote(flag));
  });

  it.each([['withStopServer'], ['xen-to-kvm-drivers'], ['h1-drivers'], ['bash'], ['zsh'], ['fish'], ['help']])(
    'offers %s',
    (word) => {
      expect(script()).toContain(quote(word));
    },
  );

  it("quotes every description, one with a quote (a plugin rule's) too", () => {
    const { description } = PREFLIGHT_OPTIONS.confirm;
    expect(description).toContain("'");
    expect(script()).toContain(described('--confirm', description));
    const open = script()
      .split('\n')
      .filter((line) => !line.trimStart().startsWith('#'))
      .filter((line) => unquoted(line).includes("'"));
    expect(open).toEqual([]);
  });
});

describe('ecs-resize completion, misused', () => {
  it.each([
    { shell: 'bahs', message: 'unknown shell "bahs". Did you mean "bash"?' },
    { shell: 'fihs', message: 'unknown shell "fihs". Did you mean "fish"?' },
    { shell: 'powershell', message: 'unknown shell "powershell". Use one of: bash, zsh, fish.' },
    { shell: 'constructor', message: 'unknown shell "constructor". Use one of: bash, zsh, fish.' },
  ])('completion $shell: usage error, exit 2, nothing on stdout', async ({ shell, message }) => {
    const { code, stdout, stderr } = await runInProcess(['completion', shell]);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toContain(message);
  });

  it('completion alone: usage error naming <shell>', async () => {
    const { code, stderr } = await runInProcess(['completion']);
    expect(code).toBe(2);
    expect(stderr).toContain('missing <shell>');
  });

  it.each([
    ['bash', 'eval "$(ecs-resize completion bash)"'],
    ['zsh', 'eval "$(ecs-resize completion zsh)"'],
    ['fish', 'ecs-resize completion fish | source'],
  ])('the help says how to load it in %s', async (_shell, line) => {
    const { code, stdout } = await runInProcess(['help', 'completion']);
    expect(code).toBe(0);
    expect(stdout).toContain(line);
  });
});
