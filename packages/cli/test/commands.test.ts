import { DEFAULT_TOKEN, SERVERS, startEmulator, type Emulator } from '@ecs-resize/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { akSkEnv, cli, spawnCli, tokenEnv } from './helpers/cli.js';

let emulator: Emulator;
let env: Record<string, string>;

beforeAll(async () => {
  emulator = await startEmulator({ jobDurationMs: 400 });
  env = tokenEnv(emulator);
});
afterAll(() => emulator?.close());

/** The resize jobs the emulator accepted for a server. */
const jobsOf = (serverId: string) => emulator.state.resizeJobs.filter((job) => job.serverId === serverId);

/** A short poll, so that waits end soon after the emulator's 400 ms jobs. */
const FAST = ['--interval', '100'];

describe.concurrent('check', () => {
  it('passes a ready resize with exit code 0, and reports it as JSON', async () => {
    const args = ['check', SERVERS.kvmScsi, 's3.large.2'];
    const text = await cli(args, env);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('✔ ready: every rule passed');
    expect(text.stdout).toContain('from c6.large.2 (KVM, 2 vCPUs, 4 GiB)');
    const json = await cli([...args, '--json'], env);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      serverId: SERVERS.kvmScsi,
      flavorRef: 's3.large.2',
      ok: true,
      report: { ok: true, errorCount: 0, findings: [] },
      facts: {
        server: { id: SERVERS.kvmScsi, flavor: { id: 'c6.large.2', virtualization: 'kvm' } },
        target: { id: 's3.large.2' },
      },
    });
  });

  it('blocks with exit code 1, naming the rule and the flag that answers it', async () => {
    const { code, stdout } = await cli(['check', SERVERS.kvmRunning, 's3.xlarge.2'], env);
    expect(code).toBe(1);
    expect(stdout).toContain('✖ blocked: 1 error, 0 warnings');
    expect(stdout).toMatch(/error {2}server-stopped {2}Server .* is ACTIVE/);
    expect(stdout).toContain('→ or add --mode withStopServer');
    const withStop = await cli(['check', SERVERS.kvmRunning, 's3.xlarge.2', '--mode', 'withStopServer'], env);
    expect(withStop.code).toBe(0);
  });

  it('--confirm attests the drivers: Xen → KVM and S1 → H1 pass only with them', async () => {
    const xenToKvm = ['check', SERVERS.xenStopped, 's3.large.2'];
    const blocked = JSON.parse((await cli([...xenToKvm, '--json'], env)).stdout) as {
      report: { findings: { ruleId: string }[] };
    };
    expect(blocked.report.findings.map((finding) => finding.ruleId)).toEqual(['xen-to-kvm-drivers']);
    expect((await cli([...xenToKvm, '--confirm', 'xen-to-kvm-drivers'], env)).code).toBe(0);
    const toH1 = ['check', SERVERS.xenStopped, 'h1.large.2'];
    expect((await cli(toH1, env)).stdout).toContain(
      '→ add --confirm h1-drivers once this is true: The driver H1 needs is installed in the guest',
    );
    expect((await cli([...toH1, '--confirm', 'xen-to-kvm-drivers,h1-drivers'], env)).code).toBe(0);
  });

  it('--force turns off only the rules named', async () => {
    // Locked and sold out: two rules block.
    const args = ['check', SERVERS.locked, 'c6.2xlarge.2', '--json'];
    const ruleIds = async (...more: string[]) => {
      const result = await cli([...args, ...more], env);
      const output = JSON.parse(result.stdout) as { report: { findings: { ruleId: string }[] } };
      return { code: result.code, rules: output.report.findings.map((finding) => finding.ruleId) };
    };
    expect(await ruleIds()).toEqual({ code: 1, rules: ['target-on-sale', 'no-locked-server'] });
    expect(await ruleIds('--force', 'no-locked-server')).toEqual({ code: 1, rules: ['target-on-sale'] });
    expect(await ruleIds('--force', 'no-locked-server,target-on-sale')).toEqual({ code: 0, rules: [] });
    const unknown = await cli([...args, '--force', 'no-such-rule'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(
      /Invalid rule configuration \(from --force\):\n {2}- config\.rules\.no-such-rule: unknown rule/,
    );
  });

  it('signs with AK/SK from the environment too', async () => {
    const { code, stdout } = await cli(['check', SERVERS.kvmScsi, 's1.large'], akSkEnv(emulator));
    expect(code).toBe(1);
    expect(stdout).toContain('no-kvm-to-xen');
  });

  it('exits with 3 for an unknown server (404) and 2 for a name no server has', async () => {
    const missing = await cli(['check', '6f1b3c2a-0d4e-4b7a-9c11-2a5e8f000099', 's3.large.2', '--json'], env);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/Ecs\.0114 \(HTTP 404\).*Check the server id/);
    expect(JSON.parse(missing.stdout)).toMatchObject({
      error: { name: 'EcsApiError', status: 404, code: 'Ecs.0114', exitCode: 3 },
    });
    const bad = await cli(['check', '../servers', 's3.large.2'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/No server is named "\.\.\/servers"/);
  });

  it('masks a secret even where it was typed by mistake', async () => {
    // A token shaped like a server id, typed as the server id: the refusal's URL would show it.
    const token = '5e1d0c2b-7a4f-4e3d-9b2a-1c0d9e8f7a6b';
    const { code, stderr } = await cli(['check', token, 's3.large.2'], { ...env, OS_AUTH_TOKEN: token });
    expect(code).toBe(3);
    expect(stderr).toContain('/cloudservers/[redacted]');
    expect(stderr).not.toContain(token);
    // Any other token typed there is not a server id: refused before sending, never quoted back.
    const typed = await cli(['check', DEFAULT_TOKEN, 's3.large.2'], env);
    expect(typed.code).toBe(2);
    expect(typed.stderr).not.toContain(DEFAULT_TOKEN);
  });
});

describe.concurrent('resize', () => {
  it('--dry-run runs the preflight and the API check, and creates no job', async () => {
    const { code, stdout } = await cli(['resize', SERVERS.kvmScsi, 's3.xlarge.2', '--dry-run'], env);
    expect(code).toBe(0);
    expect(stdout).toContain('Dry run: the API accepted the request (dry_run); nothing was changed.');
    expect(jobsOf(SERVERS.kvmScsi)).toEqual([]);
  });

  it('sends nothing when blocked (exit 1)', async () => {
    const { code, stdout } = await cli(['resize', SERVERS.frozen, 's3.xlarge.2', '--json'], env);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({
      ok: false,
      resized: false,
      report: { findings: [{ ruleId: 'no-frozen-server' }] },
    });
    expect(jobsOf(SERVERS.frozen)).toEqual([]);
  });

  it('resizes a running server with --mode withStopServer --wait, showing the progress', async () => {
    const { code, stdout } = await cli(
      ['resize', SERVERS.xenRunning, 's1.xlarge', '--mode', 'withStopServer', '--wait', ...FAST],
      env,
    );
    expect(code).toBe(0);
    // One line per status seen (INIT lasts only the first tenth of the job).
    expect(stdout).toMatch(
      /Resize accepted: job (\w+)\n(job \1: (INIT|RUNNING) after \d+\.\d s\n)*job \1: SUCCESS after \d+\.\d s\n/,
    );
    expect(stdout).toContain(`Done: server ${SERVERS.xenRunning} now has flavor s1.xlarge.`);
    expect(jobsOf(SERVERS.xenRunning)).toMatchObject([{ flavorRef: 's1.xlarge', mode: 'withStopServer' }]);
    expect(emulator.state.servers.get(SERVERS.xenRunning)).toMatchObject({ flavorId: 's1.xlarge', status: 'ACTIVE' });
  });

  it('with --json --wait, prints the final result only (progress goes to stderr)', async () => {
    const { code, stdout, stderr } = await cli(
      ['resize', SERVERS.xen24Vbd, 's3.xlarge.2', '--confirm', 'xen-to-kvm-drivers', '--wait', '--json', ...FAST],
      env,
    );
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { jobId: string; job: { status: string; job_id: string } };
    expect(result).toMatchObject({ ok: true, dryRun: false, job: { status: 'SUCCESS' } });
    expect(result.job.job_id).toBe(result.jobId);
    expect(stderr).toContain(`job ${result.jobId}: SUCCESS`);
  });

  it('exits with 4 when the job fails later (KVM → Xen with its rule forced off); `job` shows it with 4 too', async () => {
    const { code, stdout, stderr } = await cli(
      ['resize', SERVERS.kvmStopped, 's1.large', '--force', 'no-kvm-to-xen', '--wait', ...FAST],
      env,
    );
    expect(code).toBe(4);
    expect(stdout).toMatch(/job \w+: FAIL after/);
    expect(stderr).toMatch(/Job \w+ failed: Ecs\.0207: A KVM ECS cannot be changed to a Xen ECS/);
    const [failed] = jobsOf(SERVERS.kvmStopped);
    expect(failed).toMatchObject({ flavorRef: 's1.large' });
    const shown = await cli(['job', failed?.jobId ?? ''], env);
    expect(shown.code).toBe(4);
    expect(shown.stdout).toMatch(/status {6}FAIL[\s\S]*error code {2}Ecs\.0207/);
    expect(shown.stderr).toMatch(/failed: Ecs\.0207/);
  });

  it('without --wait, prints the job id and how to follow it; `job` shows and waits for it', async () => {
    const sent = await cli(['resize', SERVERS.xenDrivers, 'c6.large.2', '--confirm', 'xen-to-kvm-drivers'], env);
    expect(sent.code).toBe(0);
    const [, jobId = ''] = /Resize accepted: job (\w+)/.exec(sent.stdout) ?? [];
    expect(sent.stdout).toContain(`Follow it with: ecs-resize job ${jobId} --wait`);

    const timedOut = await cli(['job', jobId, '--wait', '--timeout', '1'], env);
    expect(timedOut.code).toBe(4);
    expect(timedOut.stderr).toMatch(new RegExp(`Job ${jobId} did not end within 1 ms`));

    const waited = await cli(['job', jobId, '--wait', '--json', ...FAST], env);
    expect(waited.code).toBe(0);
    expect(JSON.parse(waited.stdout)).toMatchObject({ job: { job_id: jobId, status: 'SUCCESS', job_type: 'resizeServer' } });

    const shown = await cli(['job', jobId], env);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(
      new RegExp(`^job {9}${jobId}\\nstatus {6}SUCCESS\\ntype {8}resizeServer\\nserver {6}${SERVERS.xenDrivers}`),
    );
  });

  it('`job` exits with 3 for an unknown job', async () => {
    const unknown = await cli(['job', 'ff80808288d41e1b018990260955686a'], env);
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toMatch(/Common\.0011/);
  });

  it('Ctrl-C while waiting stops the wait, prints the job id and how to resume, exit 130', async () => {
    // Jobs of a minute: the wait is surely still on when the signal comes.
    const slow = await startEmulator({ jobDurationMs: 60_000 });
    try {
      const run = spawnCli(['resize', SERVERS.xen25Vbd, 's1.large', '--wait'], tokenEnv(slow));
      const [, jobId] = await run.waitFor(/job (\w+): (INIT|RUNNING) after/);
      run.child.kill('SIGINT');
      const { code, stderr } = await run.done;
      expect(code).toBe(130);
      expect(stderr).toContain(`job ${jobId} goes on in the cloud. Resume with: ecs-resize job ${jobId} --wait`);
      expect(slow.state.resizeJobs).toMatchObject([{ jobId, serverId: SERVERS.xen25Vbd }]);
    } finally {
      await slow.close();
    }
  });
});

describe.concurrent('flavors', () => {
  it('lists the targets with vCPUs, RAM, virtualization and sale status', async () => {
    const { code, stdout } = await cli(['flavors', SERVERS.xenStopped], env);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^server xen-s1-stopped-no-drivers \(6f1b3c2a-0d4e-4b7a-9c11-2a5e8f000001\) {2}SHUTOFF {2}s1\.medium {2}eu-de-01\n/,
    );
    expect(stdout).toMatch(/Flavor +vCPUs +RAM +Virtualization +Generation +Sale status/);
    expect(stdout).toMatch(/s1\.large +2 +8 GiB +Xen +s1 +normal/);
    expect(stdout).toMatch(/c6\.2xlarge\.2 +8 +16 GiB +KVM +c6 +sellout/);
  });

  it("as JSON, with the sale status in the server's zone", async () => {
    const { code, stdout } = await cli(['flavors', SERVERS.kvmScsi, '--json'], env);
    expect(code).toBe(0);
    const { server, flavors } = JSON.parse(stdout) as { server: unknown; flavors: { id: string }[] };
    expect(server).toEqual({
      id: SERVERS.kvmScsi,
      name: 'kvm-c6-scsi-disks',
      status: 'SHUTOFF',
      flavor: 'c6.large.2',
      availabilityZone: 'eu-de-01',
    });
    expect(flavors.find((flavor) => flavor.id === 'c6.xlarge.2')).toEqual({
      id: 'c6.xlarge.2',
      vcpus: 4,
      ramMiB: 8192,
      virtualization: 'kvm',
      generation: 'c6',
      saleStatus: 'normal',
      architecture: 'x86',
      performanceType: 'computingv3',
      localDisks: false,
      maxNics: 3,
    });
    expect(flavors.map((flavor) => flavor.id)).toContain('s1.large');
  });
});
