import { DEFAULT_PROJECT_ID, DEFAULT_TOKEN, SERVERS } from '@ecs-resize/emulator';
import { createRuleEngine } from '@ecs-resize/rules';
import { describe, expect, it } from 'vitest';
import {
  check,
  checkTargets,
  collectFacts,
  createEcsConnection,
  EcsInputError,
  resize,
  type EcsConnection,
  type Preflight,
} from '../src/index.js';
import { clientOf, rejectionOf, useEmulator } from './helpers.js';

const engine = createRuleEngine();

/** Servers and targets across the rules' verdicts: allowed, blocked, needing a confirmation or a mode. */
const CASES = [
  { server: SERVERS.kvmStopped, flavorRef: 's3.xlarge.2', options: {} },
  { server: SERVERS.kvmRunning, flavorRef: 's3.xlarge.2', options: {} },
  { server: SERVERS.kvmRunning, flavorRef: 's3.xlarge.2', options: { mode: 'withStopServer' as const } },
  { server: SERVERS.xenStopped, flavorRef: 's3.large.2', options: {} },
  { server: SERVERS.xenStopped, flavorRef: 's3.large.2', options: { confirmations: { xenToKvmDrivers: true } } },
  { server: SERVERS.prepaid, flavorRef: 's3.xlarge.2', options: { autoPay: true } },
  { server: SERVERS.nicHeavy, flavorRef: 's3.large.2', options: {} },
] as const;

describe('check: the one check path', () => {
  const emulator = useEmulator();
  const connection = (): EcsConnection =>
    createEcsConnection({ endpoint: emulator().url, projectId: DEFAULT_PROJECT_ID, auth: { token: DEFAULT_TOKEN } });

  it.each(CASES)(
    '$server → $flavorRef $options: the facts of collectFacts and the report of the engine on them',
    async ({ server, flavorRef, options }) => {
      const ecs = connection();
      const result = await check(ecs, server, flavorRef, { ...options, preflight: engine });
      const facts = await collectFacts(ecs, server, flavorRef, options);
      expect(result.facts).toEqual(facts);
      expect(result.report).toEqual(await engine.check(facts));
    },
  );

  it.each(CASES)(
    '$server → $flavorRef $options: resize({ preflight }) blocks exactly when check says so',
    async ({ server, flavorRef, options }) => {
      const ecs = connection();
      const { report } = await check(ecs, server, flavorRef, { ...options, preflight: engine });
      const before = emulator().state.countRequests('resize');
      const outcome = await resize(ecs, server, flavorRef, { ...options, preflight: engine, dryRun: true }).then(
        () => 'sent',
        (error: Error) => error.name,
      );
      const after = emulator().state.countRequests('resize');
      expect(outcome).toBe(report.ok ? 'sent' : 'PreflightError');
      expect(after - before).toBe(report.ok ? 1 : 0);
    },
  );

  it('gives the report of the preflight it was given, typed as that preflight returns it', async () => {
    const preflight: Preflight<{ ok: false; findings: []; from: string }> = {
      check: () => ({ ok: false, findings: [], from: 'a custom preflight' }),
    };
    const { report } = await check(connection(), SERVERS.kvmStopped, 's3.xlarge.2', { preflight });
    expect(report.from).toBe('a custom preflight');
  });

  it.each([
    ['no options', undefined, 'options'],
    ['no preflight', {}, 'options.preflight'],
    ['a preflight without check()', { preflight: {} }, 'options.preflight'],
    ['a misspelt option', { preflight: engine, confirmation: {} }, 'options.confirmation'],
    ['a bad confirmation', { preflight: engine, confirmations: { 'xen-to-kvm-drivers': true } }, 'options.confirmations'],
    ['a bad mode', { preflight: engine, mode: 'stop' }, 'options.mode'],
  ])('refuses %s before any request', async (_, options, path) => {
    const before = emulator().state.countRequests();
    const error = (await rejectionOf(
      check(connection(), SERVERS.kvmStopped, 's3.xlarge.2', options as Parameters<typeof check>[3]),
    )) as EcsInputError;
    expect(error).toBeInstanceOf(EcsInputError);
    expect(error.message).toMatch(/^Invalid input to check\(\)/);
    expect(
      error.issues.some((issue) => issue.path.startsWith(path)),
      JSON.stringify(error.issues),
    ).toBe(true);
    expect(emulator().state.countRequests()).toBe(before);
  });

  it('is a method of the client too', async () => {
    const client = clientOf(emulator());
    const { report } = await client.check(SERVERS.kvmRunning, 's3.xlarge.2', { preflight: engine });
    expect(report.findings.map((finding) => finding.ruleId)).toContain('server-stopped');
  });
});

describe('checkTargets: which flavors can this server change to, and why not the others', () => {
  const emulator = useEmulator();
  const connection = (): EcsConnection =>
    createEcsConnection({ endpoint: emulator().url, projectId: DEFAULT_PROJECT_ID, auth: { token: DEFAULT_TOKEN } });

  it.each([
    { server: SERVERS.kvmStopped, options: {} },
    { server: SERVERS.kvmRunning, options: {} },
    { server: SERVERS.kvmRunning, options: { mode: 'withStopServer' as const } },
    { server: SERVERS.xenStopped, options: { confirmations: { xenToKvmDrivers: true } } },
    { server: SERVERS.nicHeavy, options: {} },
  ])('$server $options: every offered flavor, each with the report check gives it', async ({ server, options }) => {
    const ecs = connection();
    const offered = (await clientOf(emulator()).listResizeFlavors(server)).map((flavor) => flavor.id);
    const own = (await clientOf(emulator()).getServer(server)).flavor.id;
    const targets = await checkTargets(ecs, server, { ...options, preflight: engine });
    expect(targets.map((target) => target.flavorRef)).toEqual(offered.filter((id) => id !== own));
    expect(targets.every((target) => target.listed)).toBe(true);
    for (const target of targets) {
      const single = await check(ecs, server, target.flavorRef, { ...options, preflight: engine });
      expect(target.report, target.flavorRef).toEqual(single.report);
      expect(target.facts, target.flavorRef).toEqual(single.facts);
    }
  });

  it('collects the facts once, whatever the number of flavors: 6 requests on a fresh connection', async () => {
    const before = emulator().state.countRequests();
    const targets = await checkTargets(connection(), SERVERS.kvmStopped, { preflight: engine });
    expect(targets.length).toBeGreaterThan(2);
    expect(emulator().state.countRequests() - before).toBe(6);
  });

  it('with unlisted, also weighs every other flavor of the flavor list, blocked by target-allowed', async () => {
    const ecs = connection();
    const targets = await checkTargets(ecs, SERVERS.kvmStopped, { preflight: engine, unlisted: true });
    const unlisted = targets.filter((target) => !target.listed);
    expect(unlisted.length).toBeGreaterThan(0);
    for (const target of unlisted) {
      expect(target.report.ok, target.flavorRef).toBe(false);
      expect(
        target.report.findings.map((finding) => finding.ruleId),
        target.flavorRef,
      ).toContain('target-allowed');
    }
    expect(new Set(targets.map((target) => target.flavorRef)).size).toBe(targets.length);
    expect(targets.map((target) => target.flavorRef)).not.toContain('s3.large.2');
  });

  it.each([
    ['no preflight', {}, 'options.preflight'],
    ['a misspelt option', { preflight: engine, unlistd: true }, 'options.unlistd'],
    ['a bad unlisted', { preflight: engine, unlisted: 'yes' }, 'options.unlisted'],
  ])('refuses %s before any request', async (_, options, path) => {
    const before = emulator().state.countRequests();
    const error = (await rejectionOf(
      checkTargets(connection(), SERVERS.kvmStopped, options as Parameters<typeof checkTargets>[2]),
    )) as EcsInputError;
    expect(error.issues.map((issue) => issue.path)).toContain(path);
    expect(emulator().state.countRequests()).toBe(before);
  });

  it('stops with the signal’s reason when aborted', async () => {
    const controller = new AbortController();
    const reason = new Error('the operator went away');
    controller.abort(reason);
    await expect(checkTargets(connection(), SERVERS.kvmStopped, { preflight: engine, signal: controller.signal })).rejects.toBe(
      reason,
    );
  });
});
