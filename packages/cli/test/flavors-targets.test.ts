/**
 * `ecs-resize flavors <server>`: every candidate target with the rules' verdict, through core's
 * `checkTargets`. `runCli` in this process against the emulator over real HTTP on 127.0.0.1;
 * the oracle for each verdict is `ecs-resize check` on that one target with the same flags.
 */
import { SERVERS, startEmulator, type Emulator } from '@ecs-resize/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenEnv } from './helpers/cli.js';
import { runInProcess } from './helpers/run-in-process.js';

let emulator: Emulator;
let env: Record<string, string>;

beforeAll(async () => {
  emulator = await startEmulator();
  env = tokenEnv(emulator);
});
afterAll(() => emulator?.close());

/** What `flavors --json` says of one target. */
interface TargetJson {
  readonly flavorRef: string;
  readonly listed: boolean;
  readonly ok: boolean;
  readonly blockedBy: readonly string[];
}

/** What `check --json` says of one resize. */
interface CheckJson {
  readonly ok: boolean;
  readonly report: { readonly findings: readonly { readonly ruleId: string; readonly severity: string }[] };
}

/** Runs `flavors --json` and returns its targets. */
async function targetsOf(server: string, flags: readonly string[]): Promise<TargetJson[]> {
  const { code, stdout, stderr } = await runInProcess(['flavors', server, ...flags, '--json'], env);
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  return (JSON.parse(stdout) as { targets: TargetJson[] }).targets;
}

describe.each([
  { server: SERVERS.xenDrivers, flags: [] },
  { server: SERVERS.xenDrivers, flags: ['--confirm', 'xen-to-kvm-drivers'] },
  { server: SERVERS.xenStopped, flags: [] },
  { server: SERVERS.kvmScsi, flags: ['--all'] },
  { server: SERVERS.prepaid, flags: ['--auto-pay'] },
  { server: SERVERS.kvmRunning, flags: ['--mode', 'withStopServer'] },
])('flavors $server $flags', ({ server, flags }) => {
  it('gives each target the verdict and blocking rules `check` gives it', async () => {
    const targets = await targetsOf(server, flags);
    expect(targets.length).toBeGreaterThan(0);
    const checkFlags = flags.filter((flag) => flag !== '--all');
    for (const target of targets) {
      const { stdout } = await runInProcess(['check', server, target.flavorRef, ...checkFlags, '--json'], env);
      const checked = JSON.parse(stdout) as CheckJson;
      const blocking = [
        ...new Set(checked.report.findings.filter(({ severity }) => severity === 'error').map(({ ruleId }) => ruleId)),
      ];
      expect({ flavor: target.flavorRef, ok: target.ok, blockedBy: target.blockedBy }).toEqual({
        flavor: target.flavorRef,
        ok: checked.ok,
        blockedBy: blocking,
      });
    }
  });
});

describe('flavors as text', () => {
  it.each([
    { server: SERVERS.xenDrivers, flags: [], row: /^s3\.large\.2 +2 +4 GiB +KVM +s3 +normal +blocked +xen-to-kvm-drivers$/m },
    {
      server: SERVERS.xenDrivers,
      flags: [],
      row: /^c6\.2xlarge\.2 +8 +16 GiB +KVM +c6 +sellout +blocked +target-on-sale, xen-to-kvm-drivers$/m,
    },
    {
      server: SERVERS.xenDrivers,
      flags: ['--confirm', 'xen-to-kvm-drivers'],
      row: /^s3\.large\.2 +2 +4 GiB +KVM +s3 +normal +ready$/m,
    },
    { server: SERVERS.kvmScsi, flags: [], row: /^s1\.large +2 +8 GiB +Xen +s1 +normal +blocked +no-kvm-to-xen$/m },
    {
      server: SERVERS.kvmScsi,
      flags: ['--all'],
      row: /^s1\.medium +1 +4 GiB +Xen +s1 +normal +blocked +target-allowed, no-kvm-to-xen$/m,
    },
  ])('$server $flags shows $row', async ({ server, flags, row }) => {
    const { code, stdout } = await runInProcess(['flavors', server, ...flags], env);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Flavor +vCPUs +RAM +Virtualization +Generation +Sale status +Verdict +Blocked by$/m);
    expect(stdout).toMatch(row);
  });

  it.each([
    { flags: [], summary: '12 flavors to change to, 6 ready:' },
    { flags: ['--all'], summary: '19 flavors to change to, 6 ready:' },
  ])('counts the targets and the ready ones ($flags)', async ({ flags, summary }) => {
    const { stdout } = await runInProcess(['flavors', SERVERS.kvmScsi, ...flags], env);
    expect(stdout.split('\n')[1]).toBe(summary);
  });

  it('leaves out the unlisted flavors without --all, and marks them with it', async () => {
    const listedOnly = await targetsOf(SERVERS.kvmScsi, []);
    const all = await targetsOf(SERVERS.kvmScsi, ['--all']);
    expect(listedOnly.every(({ listed }) => listed)).toBe(true);
    const unlisted = all.filter(({ listed }) => !listed);
    expect(unlisted.length).toBeGreaterThan(0);
    for (const target of unlisted) expect(target.blockedBy).toContain('target-allowed');
    expect(all.filter(({ listed }) => listed)).toEqual(listedOnly);
  });
});

describe('flavors sends nothing but reads', () => {
  it('makes only GET requests, and no resize', async () => {
    emulator.state.clearRequests();
    const resizes = emulator.state.resizeJobs.length;
    expect((await runInProcess(['flavors', SERVERS.kvmScsi, '--all'], env)).code).toBe(0);
    expect(new Set(emulator.state.requests.map(({ method }) => method))).toEqual(new Set(['GET']));
    expect(emulator.state.resizeJobs.length).toBe(resizes);
  });

  it.each([
    { flags: ['--confirm', 'nosuch'], message: /--confirm/ },
    { flags: ['--mode', 'fast'], message: /mode/ },
    { flags: ['--auto-pay', '--no-auto-pay'], message: '--auto-pay and --no-auto-pay do not go together' },
  ])('refuses $flags before any request', async ({ flags, message }) => {
    emulator.state.clearRequests();
    const { code, stderr } = await runInProcess(['flavors', SERVERS.kvmScsi, ...flags], env);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(emulator.state.countRequests()).toBe(0);
  });
});
