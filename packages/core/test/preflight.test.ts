import { SERVERS } from '@ecs-resize/emulator';
import { createRuleEngine, recommended } from '@ecs-resize/rules';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EcsInputError, PreflightError } from '../src/index.js';
import { FAST_JOB_MS, FAST_WAIT, clientOf, rejectionOf, useEmulator } from './helpers.js';

describe('resize with a preflight', () => {
  const emulator = useEmulator({ jobDurationMs: FAST_JOB_MS });
  const engine = createRuleEngine();

  it('blocks a resize the rules refuse: PreflightError with the report, nothing sent', async () => {
    const error = (await rejectionOf(
      clientOf(emulator()).resize(SERVERS.kvmRunning, 's3.xlarge.2', { preflight: engine }),
    )) as PreflightError;
    expect(error).toBeInstanceOf(PreflightError);
    expect(error.report.ok).toBe(false);
    expect(error.report.findings.map((finding) => finding.ruleId)).toEqual(['server-stopped']);
    expect(error.message).toMatch(/nothing was sent/);
    expect(emulator().state.countRequests('resize')).toBe(0);
  });

  it('blocks what fails only later in the job: Xen → KVM with 25 VBD disks', async () => {
    const error = (await rejectionOf(
      clientOf(emulator()).resize(SERVERS.xen25Vbd, 's3.large.2', {
        preflight: engine,
        confirmations: { xenToKvmDrivers: true },
      }),
    )) as PreflightError;
    expect(error.report.findings.map((finding) => finding.messageId)).toEqual(['tooManyVbdDisks']);
    expect(emulator().state.countRequests('resize')).toBe(0);
  });

  it('sends a resize the rules allow, and returns the warnings', async () => {
    const lenient = createRuleEngine({ config: { rules: { ...recommended.rules, 'xen-to-kvm-drivers': 'warn' } } });
    const client = clientOf(emulator());
    const result = await client.resize(SERVERS.xenDrivers, 's3.large.2', { preflight: lenient });
    expect(result.warnings?.map((finding) => finding.ruleId)).toEqual(['xen-to-kvm-drivers']);
    expect((await client.waitForJob(result.jobId!, FAST_WAIT)).status).toBe('SUCCESS');
  });

  it('passes mode and confirmations into the facts', async () => {
    const client = clientOf(emulator());
    const result = await client.resize(SERVERS.xenRunning, 's1.xlarge', { preflight: engine, mode: 'withStopServer' });
    expect(result).toEqual({ jobId: expect.any(String), warnings: [] });
    await client.waitForJob(result.jobId!, FAST_WAIT);
  });

  it('confirmations without a preflight are refused before anything is sent', async () => {
    const before = emulator().state.countRequests();
    const error = (await rejectionOf(
      clientOf(emulator()).resize(SERVERS.kvmStopped, 's3.xlarge.2', { confirmations: { h1Drivers: true } }),
    )) as EcsInputError;
    expect(error).toBeInstanceOf(EcsInputError);
    expect(error.issues[0]!.path).toBe('options.confirmations');
    expect(emulator().state.countRequests()).toBe(before);
  });

  it('a preflight that is not one is refused', async () => {
    const error = await rejectionOf(clientOf(emulator()).resize(SERVERS.kvmStopped, 's3.xlarge.2', { preflight: {} as never }));
    expect(error).toBeInstanceOf(EcsInputError);
  });
});

describe('core never imports the rules at run time', () => {
  it('every import of @ecs-resize/rules in core/src is type-only', () => {
    const sources: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (path.endsWith('.ts')) sources.push(readFileSync(path, 'utf8'));
      }
    };
    walk(new URL('../src', import.meta.url).pathname);
    const imports = sources.flatMap((source) => source.match(/^import[^;]*'@ecs-resize\/rules[^']*';/gm) ?? []);
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.filter((statement) => !statement.startsWith('import type'))).toEqual([]);
  });
});
