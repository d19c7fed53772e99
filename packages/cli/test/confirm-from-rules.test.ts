import { SERVERS, startEmulator, type Emulator } from '@ecs-resize/emulator';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, tokenEnv } from './helpers/cli.js';

let emulator: Emulator;
let env: Record<string, string>;
let withPlugin: string;
let withoutPlugin: string;
const directories: string[] = [];

/** A plugin rule that asks the operator to attest a backup: `--confirm backup-taken`. */
const PLUGIN_CONFIG = `
const needsBackup = {
  meta: {
    type: 'problem',
    docs: { description: 'A backup is taken first.', url: 'https://example.com/needs-backup', recommended: false },
    confirmation: { key: 'backupTaken', name: 'backup-taken', label: 'A backup of the server was taken' },
    messages: { noBackup: 'No backup was confirmed. Take one, then add --confirm backup-taken.' },
  },
  check: (facts) => (facts.confirmations?.backupTaken === true ? [] : [{ messageId: 'noBackup' }]),
};
export default {
  plugins: [{ meta: { name: 'acme', version: '1.0.0' }, rules: { 'needs-backup': needsBackup } }],
  rules: { 'acme/needs-backup': 'error' },
};
`;

/** A fresh directory holding `files`. */
function directoryWith(files: Record<string, string>): string {
  const directory = mkdtempSync(join(tmpdir(), 'ecs-resize-confirm-'));
  directories.push(directory);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(directory, name), content);
  return directory;
}

beforeAll(async () => {
  emulator = await startEmulator();
  env = tokenEnv(emulator);
  withPlugin = directoryWith({ 'ecs-resize.config.mjs': PLUGIN_CONFIG });
  withoutPlugin = directoryWith({});
});
afterAll(async () => {
  await emulator?.close();
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});

describe.concurrent('--confirm takes the confirmations the active rules declare', () => {
  it.each([
    { name: 'a plugin rule blocks until its own confirmation is given', cwd: () => withPlugin, confirm: [], code: 1 },
    { name: 'the plugin’s confirmation passes it', cwd: () => withPlugin, confirm: ['backup-taken'], code: 0 },
    {
      name: 'a built-in confirmation still parses beside it',
      cwd: () => withPlugin,
      confirm: ['backup-taken,h1-drivers'],
      code: 0,
    },
    { name: 'without the plugin, its name is unknown', cwd: () => withoutPlugin, confirm: ['backup-taken'], code: 2 },
    {
      name: 'a built-in turned off by --force still parses',
      cwd: () => withoutPlugin,
      confirm: ['xen-to-kvm-drivers', '--force', 'xen-to-kvm-drivers'],
      code: 0,
    },
  ])('$name (exit $code)', async ({ cwd, confirm, code }) => {
    const confirmArgs = confirm.length === 0 ? [] : ['--confirm', ...confirm];
    const result = await cli(['check', SERVERS.kvmStopped, 's3.xlarge.2', ...confirmArgs], env, cwd());
    expect(result.code, result.stderr).toBe(code);
    if (code === 2)
      expect(result.stderr).toMatch(/--confirm: unknown confirmation "backup-taken"; use xen-to-kvm-drivers, h1-drivers\./);
    if (code === 1) expect(result.stdout).toMatch(/--confirm backup-taken/);
  });

  it.each([
    { name: 'with the plugin, a fleet file’s confirm column takes its confirmation', plugin: true, code: 0 },
    { name: 'without it, the name is unknown on its line', plugin: false, code: 2 },
  ])('$name (exit $code)', async ({ plugin, code }) => {
    const csv = `serverId,flavorRef,confirm\n${SERVERS.kvmStopped},s3.xlarge.2,backup-taken\n`;
    const cwd = directoryWith({ 'fleet.csv': csv, ...(plugin ? { 'ecs-resize.config.mjs': PLUGIN_CONFIG } : {}) });
    const result = await cli(['fleet', 'plan', 'fleet.csv'], env, cwd);
    expect(result.code, result.stderr).toBe(code);
    if (code === 2) expect(result.stderr).toMatch(/line 2: unknown confirmation "backup-taken"/);
  });

  it('the help lists each built-in confirmation in its rule’s words', async () => {
    const { stdout } = await cli(['check', '--help'], env, withoutPlugin);
    expect(stdout).toMatch(/xen-to-kvm-drivers: The KVM guest drivers are installed/);
    expect(stdout).toMatch(/h1-drivers: The driver H1 needs is installed in the guest/);
  });
});
