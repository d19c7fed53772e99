import { SERVERS, startEmulator, type Emulator } from '@ecs-resize/emulator';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, tokenEnv } from './helpers/cli.js';

let emulator: Emulator;
let env: Record<string, string>;
const directories: string[] = [];

beforeAll(async () => {
  emulator = await startEmulator();
  env = tokenEnv(emulator);
});
afterAll(async () => {
  await emulator?.close();
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});

/** A fresh directory holding `files`. */
function directoryWith(files: Record<string, string>): string {
  const directory = mkdtempSync(join(tmpdir(), 'ecs-resize-config-'));
  directories.push(directory);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(directory, name), content);
  return directory;
}

/** The rule ids and severities a `check --json` reported. */
async function findings(args: readonly string[], cwd: string) {
  const { code, stdout, stderr } = await cli(['check', ...args, '--json'], env, cwd);
  const output = JSON.parse(stdout) as { report?: { findings: { ruleId: string; severity: string }[] } };
  return { code, stderr, findings: output.report?.findings.map(({ ruleId, severity }) => `${ruleId}:${severity}`) };
}

/** A plugin rule, as a third party writes it: `acme/no-downsize` blocks fewer vCPUs. */
const PLUGIN_CONFIG = `
const noDownsize = {
  meta: {
    type: 'suggestion',
    docs: { description: 'Do not reduce vCPUs.', url: 'https://example.com/no-downsize', recommended: false },
    messages: { downsize: '{{to}} has fewer vCPUs than {{from}}. Pick a larger flavor.' },
  },
  check: ({ server, target }) =>
    (target.vcpus ?? 0) < (server.flavor.vcpus ?? 0) ? [{ messageId: 'downsize', data: { to: target.id, from: server.flavor.id } }] : [],
};
export default {
  plugins: [{ meta: { name: 'acme', version: '1.0.0' }, rules: { 'no-downsize': noDownsize } }],
  rules: { 'acme/no-downsize': 'error', 'h1-drivers': 'warn' },
};
`;

describe.concurrent('the rules config file', () => {
  it('ecs-resize.config.json sets severities over recommended: the other built-ins stay on', async () => {
    const cwd = directoryWith({ 'ecs-resize.config.json': JSON.stringify({ rules: { 'h1-drivers': 'warn' } }) });
    expect(await findings([SERVERS.xenStopped, 'h1.large.2'], cwd)).toMatchObject({ code: 0, findings: ['h1-drivers:warn'] });
    expect(await findings([SERVERS.kvmStopped, 's1.large'], cwd)).toMatchObject({ code: 1, findings: ['no-kvm-to-xen:error'] });
    const text = await cli(['check', SERVERS.xenStopped, 'h1.large.2'], env, cwd);
    expect(text.stdout).toContain('✔ ready, with 1 warning');
  });

  it('ecs-resize.config.mjs adds a plugin rule; --force turns it off', async () => {
    const cwd = directoryWith({ 'ecs-resize.config.mjs': PLUGIN_CONFIG });
    // s1.xlarge (4 vCPUs) → h1.large.2 (2 vCPUs): a downsize, and S1 → H1 without the driver confirmed.
    expect(await findings([SERVERS.xen24Vbd, 'h1.large.2'], cwd)).toMatchObject({
      code: 1,
      findings: ['h1-drivers:warn', 'acme/no-downsize:error'],
    });
    expect(await findings([SERVERS.xen24Vbd, 'h1.large.2', '--force', 'acme/no-downsize'], cwd)).toMatchObject({
      code: 0,
      findings: ['h1-drivers:warn'],
    });
    const config = await cli(['config'], env, cwd);
    expect(config.stdout).toMatch(/rules config +.*ecs-resize\.config\.mjs +current directory/);
    expect(config.stdout).toMatch(/acme\/no-downsize +error/);
  });

  it('--config names the file, wherever it is', async () => {
    const elsewhere = directoryWith({ 'strict.json': JSON.stringify({ rules: { 'no-kvm-to-xen': 'warn' } }) });
    const cwd = directoryWith({});
    expect(await findings([SERVERS.kvmStopped, 's1.large', '--config', join(elsewhere, 'strict.json')], cwd)).toMatchObject({
      code: 0,
      findings: ['no-kvm-to-xen:warn'],
    });
  });
});

// One at a time: each checks that nothing at all was sent.
describe.sequential('a bad rules config', () => {
  it.each([
    {
      name: 'unknown rule ids, each listed',
      files: { 'ecs-resize.config.json': JSON.stringify({ rules: { 'no-such-rule': 'error', 'acme/other': 'warn' } }) },
      message:
        /Invalid rule configuration \(from .*ecs-resize\.config\.json\):\n {2}- config\.rules\.no-such-rule: unknown rule; the known rules are server-stopped, .*\n {2}- config\.rules\.acme\/other: unknown rule/,
    },
    {
      name: 'a bad severity',
      files: { 'ecs-resize.config.json': JSON.stringify({ rules: { 'h1-drivers': 'sometimes' } }) },
      message:
        /Invalid rule configuration \(from .*\):\n {2}- config\.rules\.h1-drivers: must be a severity \("off", "warn", "error"\) or \[severity, options\]/,
    },
    {
      name: 'a missing --config file',
      files: {},
      args: ['--config', 'missing.json'],
      message: /Config file not found: .*missing\.json \(from --config\)/,
    },
    {
      name: 'plugins in JSON',
      files: { 'ecs-resize.config.json': '{ "plugins": [{}] }' },
      message: /plugins are code; load them from an ecs-resize\.config\.mjs file/,
    },
    {
      name: 'an unknown key',
      files: { 'ecs-resize.config.json': '{ "rule": {} }' },
      message: /unknown key rule; only "rules" and "plugins" are read/,
    },
    {
      name: 'broken JSON',
      files: { 'ecs-resize.config.json': '{ rules: ' },
      message: /ecs-resize\.config\.json: the config file is not JSON \(.+\)/,
    },
    {
      name: 'two config files',
      files: { 'ecs-resize.config.json': '{}', 'ecs-resize.config.mjs': 'export default {}' },
      message: /Found both .*ecs-resize\.config\.mjs and .*ecs-resize\.config\.json: keep one/,
    },
  ])('refuses $name with exit code 2, sending nothing', async ({ files, args = [], message }) => {
    emulator.state.clearRequests();
    const { code, stderr } = await cli(['check', SERVERS.kvmStopped, 's3.xlarge.2', ...args], env, directoryWith(files));
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(emulator.state.countRequests()).toBe(0);
  });
});
