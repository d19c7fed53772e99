/**
 * What the CLI adds under a finding, in its own words: a rule that takes a confirmation gets
 * `→ add --confirm <name> once this is true: <label>`, made from the rule's
 * `meta.confirmation` (a plugin's rule too), never from its message's text; a target flavor
 * that does not exist is one finding, pointing at `ecs-resize flavors`; no report of a seeded
 * server says a library name. In process, over the emulator.
 */
import { SERVERS, startEmulator, type Emulator } from '@ecs-resize/emulator';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenEnv } from './helpers/cli.js';
import { LIBRARY_WORDS } from './helpers/library-words.js';
import { runInProcess } from './helpers/run-in-process.js';

/** A plugin rule that asks the operator to attest a backup; its message says nothing of how. */
const PLUGIN_CONFIG = `
const needsBackup = {
  meta: {
    type: 'problem',
    docs: { description: 'A backup is taken first.', url: 'https://example.com/needs-backup', recommended: false },
    confirmation: { key: 'backupTaken', name: 'backup-taken', label: 'A backup of the server was taken' },
    messages: { noBackup: 'No backup was confirmed. Take one first.' },
  },
  check: (facts) => (facts.confirmations?.backupTaken === true ? [] : [{ messageId: 'noBackup' }]),
};
export default {
  plugins: [{ meta: { name: 'acme' }, rules: { 'needs-backup': needsBackup } }],
  rules: { 'acme/needs-backup': 'error' },
};
`;

let emulator: Emulator;
let env: Record<string, string>;
let directory: string;
let pluginConfig: string;

beforeAll(async () => {
  emulator = await startEmulator();
  env = tokenEnv(emulator);
  directory = mkdtempSync(join(tmpdir(), 'ecs-resize-hints-'));
  pluginConfig = join(directory, 'ecs-resize.config.mjs');
  writeFileSync(pluginConfig, PLUGIN_CONFIG);
});
afterAll(async () => {
  await emulator?.close();
  rmSync(directory, { recursive: true, force: true });
});

/** The lines of a report that are findings (`  error  …`, `  warn   …`). */
const findingLines = (stdout: string) => stdout.split('\n').filter((line) => /^ {2}(error|warn) /.test(line));

describe("a confirmation's hint comes from its rule's meta", () => {
  it.each([
    {
      name: 'xen-to-kvm-drivers',
      args: ['check', SERVERS.xenDrivers, 's3.large.2'],
      hint: '→ add --confirm xen-to-kvm-drivers once this is true: The KVM guest drivers are installed (xen-pv and virtio on Linux, PV driver and UVP VMTools on Windows)',
    },
    {
      name: 'h1-drivers',
      args: ['check', SERVERS.xenStopped, 'h1.large.2'],
      hint: '→ add --confirm h1-drivers once this is true: The driver H1 needs is installed in the guest',
    },
    {
      name: "a plugin's own",
      args: ['check', SERVERS.kvmStopped, 's3.xlarge.2', '--config', '<plugin>'],
      hint: '→ add --confirm backup-taken once this is true: A backup of the server was taken',
    },
  ])('$name', async ({ args, hint }) => {
    const blocked = await runInProcess(
      args.map((arg) => (arg === '<plugin>' ? pluginConfig : arg)),
      env,
    );
    expect(blocked.code).toBe(1);
    expect(blocked.stdout).toContain(hint);
    expect(blocked.stdout).not.toMatch(LIBRARY_WORDS);
    const name = /--confirm (\S+)/.exec(hint)![1]!;
    const confirmed = await runInProcess(
      [...args.map((arg) => (arg === '<plugin>' ? pluginConfig : arg)), '--confirm', name],
      env,
    );
    expect(confirmed.stdout).not.toContain(`--confirm ${name}`);
  });

  it('a finding of a rule without a confirmation gets no --confirm hint', async () => {
    const { stdout } = await runInProcess(['check', SERVERS.kvmStopped, 's1.large'], env);
    expect(stdout).toContain('no-kvm-to-xen');
    expect(stdout).not.toContain('--confirm');
  });
});

describe('a target flavor that does not exist is one finding', () => {
  it.each([
    ['a stopped KVM server', SERVERS.kvmStopped],
    ['a stopped Xen server (driver rules)', SERVERS.xenStopped],
    ['a Xen server with 25 VBD disks', SERVERS.xen25Vbd],
  ])('%s: check says so once, and points at ecs-resize flavors', async (_name, server) => {
    const { code, stdout } = await runInProcess(['check', server, 'nosuch.flavor'], env);
    expect(code).toBe(1);
    expect(stdout).toContain('\n  to   nosuch.flavor (no such flavor)\n');
    expect(findingLines(stdout)).toEqual([
      expect.stringMatching(/^ {2}error {2}target-allowed {2}Flavor nosuch\.flavor does not exist/),
    ]);
    expect(stdout).toContain(`→ see the flavors it may change to: ecs-resize flavors ${server}`);
    expect(stdout).toContain('✖ blocked: 1 error, 0 warnings');
    expect(stdout).not.toMatch(LIBRARY_WORDS);
  });

  it('--json: one finding, unknownFlavor, and the facts say the flavor does not exist', async () => {
    const { code, stdout } = await runInProcess(['check', SERVERS.xenStopped, 'nosuch.flavor', '--json'], env);
    const json = JSON.parse(stdout) as {
      report: { findings: { ruleId: string; messageId: string }[] };
      facts: { target: unknown };
    };
    expect(code).toBe(1);
    expect(json.report.findings.map(({ ruleId, messageId }) => `${ruleId}/${messageId}`)).toEqual([
      'target-allowed/unknownFlavor',
    ]);
    expect(json.facts.target).toEqual({ id: 'nosuch.flavor', exists: false });
  });

  it('resize: blocked by the one finding, nothing sent', async () => {
    const before = emulator.state.countRequests('resize');
    const { code, stdout } = await runInProcess(['resize', SERVERS.kvmStopped, 'nosuch.flavor'], env);
    expect(code).toBe(1);
    expect(findingLines(stdout)).toHaveLength(1);
    expect(stdout).toContain('Nothing was sent.');
    expect(emulator.state.countRequests('resize')).toBe(before);
  });
});

describe("every seeded server's report is in the CLI's words", () => {
  it.each(Object.entries(SERVERS))('%s, to a KVM, an H1, a Xen and an unknown flavor', async (_name, server) => {
    for (const flavor of ['s3.large.2', 'h1.large.2', 's1.large', 'nosuch.flavor']) {
      const { code, stdout, stderr } = await runInProcess(['check', server, flavor], env);
      expect([0, 1]).toContain(code);
      expect(stdout).not.toMatch(LIBRARY_WORDS);
      expect(stderr).not.toMatch(LIBRARY_WORDS);
    }
  });
});
