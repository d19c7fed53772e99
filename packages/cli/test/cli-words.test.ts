/**
 * The CLI speaks its own words: flags, commands and environment variables, never the library's
 * option and function names. Core's errors translated (`cliMessageOf`), a rule's confirmation
 * as `--confirm <name>` from its meta, and a sweep of what the CLI prints for a set of command lines.
 */
import { apiErrorHint, EcsApiError, EcsInputError, JobTimeoutError } from '@ecs-resize/core';
import { SERVERS, startEmulator, type Emulator } from '@ecs-resize/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plugin } from '@ecs-resize/rules';
import { cliMessageOf } from '../src/output/cli-words.js';
import { cliHintFor } from '../src/output/rule-hints.js';
import { tokenEnv } from './helpers/cli.js';
import { LIBRARY_WORDS } from './helpers/library-words.js';
import { runInProcess } from './helpers/run-in-process.js';

let emulator: Emulator;
let env: Record<string, string>;

beforeAll(async () => {
  emulator = await startEmulator();
  env = tokenEnv(emulator);
});
afterAll(() => emulator?.close());

describe('cliMessageOf', () => {
  const apiError = (code: string) =>
    new EcsApiError({
      status: 403,
      code,
      method: 'GET',
      url: 'https://ecs.example/v1/p/cloudservers/detail',
      advice: apiErrorHint,
    });
  it.each([
    {
      error: new JobTimeoutError('job-1', 5000, undefined),
      says: 'Job job-1 did not end within 5000 ms (no status read). It may still finish: run ecs-resize job job-1 --wait, with a longer --timeout if needed.',
    },
    {
      error: new JobTimeoutError('job 2', 10, { job_id: 'job 2', status: 'RUNNING' } as never),
      says: "(last status RUNNING). It may still finish: run ecs-resize job 'job 2' --wait",
    },
    {
      error: new EcsInputError('check', [
        { path: 'serverId', message: 'must be a server id' },
        { path: 'options.dedicatedHostId', message: 'must be an id' },
      ]),
      says: 'Invalid input: <server>: must be a server id; --dedicated-host: must be an id. Nothing was sent.',
    },
    {
      error: new EcsInputError('waitForJob', [{ path: 'options.timeout', message: 'too long' }]),
      says: 'Invalid input: --timeout: too long.',
    },
    {
      error: new EcsInputError('createEcsClient', [{ path: 'projectId', message: 'must be an id' }]),
      says: 'Invalid input: --project-id (HW_PROJECT_ID): must be an id.',
    },
    { error: apiError('Ecs.0023'), says: 'check the project id. The project id is HW_PROJECT_ID (or --project-id).' },
    { error: apiError('Common.0018'), says: 'check the project id. The project id is HW_PROJECT_ID (or --project-id).' },
  ])('$error.name: $says', ({ error, says }) => {
    const message = cliMessageOf(error);
    expect(message).toContain(says);
    expect(message).not.toMatch(LIBRARY_WORDS);
  });

  it('keeps core names for a fleet file, whose fields have them, but not the function', () => {
    const error = new EcsInputError('planFleet', [{ path: 'items.0.serverId', message: 'must be a server id' }]);
    expect(cliMessageOf(error, {})).toBe('Invalid input: items.0.serverId: must be a server id. Nothing was sent.');
  });
});

describe("a rule's confirmation, in the CLI's words from its meta (cliHintFor)", () => {
  const confirmationOf = (ruleId: string) => plugin.rules[ruleId]?.meta.confirmation;
  it.each([
    [
      { ruleId: 'xen-to-kvm-drivers', messageId: 'driversNotConfirmed' },
      'add --confirm xen-to-kvm-drivers once this is true: The KVM guest drivers are installed',
    ],
    [
      { ruleId: 'h1-drivers', messageId: 'unverified' },
      'add --confirm h1-drivers once this is true: The driver H1 needs is installed',
    ],
    [{ ruleId: 'flavor-changes', messageId: 'sameFlavor' }, undefined],
  ])('%j', (finding, expected) => {
    const hint = cliHintFor(finding, confirmationOf(finding.ruleId));
    if (expected === undefined) expect(hint).toBeUndefined();
    else expect(hint).toContain(expected);
  });
});

describe('what the CLI prints names no library option or function', () => {
  it.each([
    { args: ['check', SERVERS.xenStopped, 's3.large.2'], says: 'add --confirm xen-to-kvm-drivers', code: 1 },
    { args: ['check', SERVERS.xenStopped, 'h1.large.2'], says: 'add --confirm h1-drivers', code: 1 },
    { args: ['resize', SERVERS.xenStopped, 's3.large.2'], says: 'Nothing was sent.', code: 1 },
    {
      args: ['check', SERVERS.kvmScsi, 's3.xlarge.2', '--dedicated-host', '../x'],
      says: 'Invalid input: --dedicated-host:',
      code: 2,
    },
    { args: ['job', 'a/b'], says: 'Invalid input: <id>:', code: 2 },
    { args: ['flavors', SERVERS.xenStopped], says: 'xen-to-kvm-drivers', code: 0 },
    { args: ['servers'], says: 'ID', code: 0 },
    { args: ['help', 'check'], says: '--confirm', code: 0 },
    { args: ['help', 'resize'], says: '--wait', code: 0 },
    { args: ['help', 'job'], says: '--wait', code: 0 },
  ])('$args', async ({ args, says, code }) => {
    const result = await runInProcess(args, env);
    expect(result.code).toBe(code);
    expect(`${result.stdout}${result.stderr}`).toContain(says);
    expect(result.stdout).not.toMatch(LIBRARY_WORDS);
    expect(result.stderr).not.toMatch(LIBRARY_WORDS);
  });
});
