import { DEDICATED_HOST_ID, SERVERS, startEmulator, type Emulator } from '@ecs-resize/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, tokenEnv } from './helpers/cli.js';

let emulator: Emulator;
let env: Record<string, string>;

beforeAll(async () => {
  emulator = await startEmulator({ jobDurationMs: 100 });
  env = tokenEnv(emulator);
});
afterAll(() => emulator?.close());

/** The resizes the emulator accepted for a server. */
const jobsOf = (serverId: string) => emulator.state.resizeJobs.filter((job) => job.serverId === serverId);

/** The JSON report of `ecs-resize check`, with its exit code. */
async function checkJson(args: readonly string[]) {
  const { code, stdout } = await cli(['check', ...args, '--json'], env);
  const { report, facts } = JSON.parse(stdout) as {
    report: { findings: { ruleId: string; messageId: string; severity: string }[] };
    facts: { autoPay?: boolean; dedicatedHostId?: string };
  };
  return {
    code,
    findings: report.findings.map((finding) => `${finding.severity} ${finding.ruleId}/${finding.messageId}`),
    facts,
  };
}

describe.concurrent('check: what the request will carry is what the rules see', () => {
  it.each([
    {
      name: 'a yearly/monthly server without --auto-pay is blocked',
      args: [SERVERS.prepaid, 's3.xlarge.2'],
      code: 1,
      findings: ['error prepaid-auto-pay/needsAutoPay'],
      facts: {},
    },
    {
      name: 'with --auto-pay it passes',
      args: [SERVERS.prepaid, 's3.xlarge.2', '--auto-pay'],
      code: 0,
      findings: [],
      facts: { autoPay: true },
    },
    {
      name: 'with --no-auto-pay it passes with a warning: the order waits to be paid',
      args: [SERVERS.prepaid, 's3.xlarge.2', '--no-auto-pay'],
      code: 0,
      findings: ['warn prepaid-auto-pay/orderUnpaid'],
      facts: { autoPay: false },
    },
    {
      name: 'a server on a dedicated host without --dedicated-host is blocked',
      args: [SERVERS.dedicatedHost, 's3.xlarge.2'],
      code: 1,
      findings: ['error dedicated-host/hostNotNamed'],
      facts: {},
    },
    {
      name: 'with --dedicated-host it passes',
      args: [SERVERS.dedicatedHost, 's3.xlarge.2', '--dedicated-host', DEDICATED_HOST_ID],
      code: 0,
      findings: [],
      facts: { dedicatedHostId: DEDICATED_HOST_ID },
    },
    {
      name: 'a pay-per-use server passes with --auto-pay too (v1.1 does all v1 does)',
      args: [SERVERS.kvmStopped, 's3.xlarge.2', '--auto-pay'],
      code: 0,
      findings: [],
      facts: { autoPay: true },
    },
  ])('$name', async ({ args, code, findings, facts }) => {
    const result = await checkJson(args);
    expect([result.code, result.findings]).toEqual([code, findings]);
    expect({ autoPay: result.facts.autoPay, dedicatedHostId: result.facts.dedicatedHostId }).toEqual({
      autoPay: undefined,
      dedicatedHostId: undefined,
      ...facts,
    });
  });

  it('the blocked report names the flag that answers it', async () => {
    const prepaid = await cli(['check', SERVERS.prepaid, 's3.xlarge.2'], env);
    expect(prepaid.stdout).toContain('→ add --auto-pay (or --no-auto-pay to pay the order by hand)');
    const host = await cli(['check', SERVERS.dedicatedHost, 's3.xlarge.2'], env);
    expect(host.stdout).toContain('→ add --dedicated-host with its host id');
  });
});

describe.concurrent('bad flags are usage errors, and nothing is sent', () => {
  it.each([
    {
      name: 'both auto-pay flags',
      args: ['--auto-pay', '--no-auto-pay'],
      message: /--auto-pay and --no-auto-pay do not go together/,
    },
    { name: '--auto-pay takes no value', args: ['--auto-pay=false'], message: /--auto-pay/ },
    { name: '--dedicated-host needs a value', args: ['--dedicated-host'], message: /--dedicated-host/ },
  ])('$name → exit 2', async ({ args, message }) => {
    const before = jobsOf(SERVERS.prepaid).length;
    const { code, stderr } = await cli(['resize', SERVERS.prepaid, 's3.xlarge.2', ...args], env);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(jobsOf(SERVERS.prepaid)).toHaveLength(before);
  });

  it('a host id that could leave its place is refused before anything is sent', async () => {
    // A server no other test here uses: its requests are this test's alone.
    const requestsFor = () => emulator.state.requests.filter((request) => request.path.includes(SERVERS.kvmScsi)).length;
    const { code, stderr } = await cli(['check', SERVERS.kvmScsi, 's3.xlarge.2', '--dedicated-host', '../x'], env);
    expect(code).toBe(2);
    expect(stderr).toMatch(/Invalid input: --dedicated-host: /);
    expect(requestsFor()).toBe(0);
  });
});

describe('resize sends what the preflight checked', () => {
  it('--auto-pay: the yearly/monthly server is resized through v1.1, and the job succeeds', async () => {
    const { code, stdout } = await cli(
      ['resize', SERVERS.prepaid, 's3.xlarge.2', '--auto-pay', '--wait', '--interval', '50'],
      env,
    );
    expect(code).toBe(0);
    expect(stdout).toContain(`now has flavor s3.xlarge.2`);
    expect(jobsOf(SERVERS.prepaid).at(-1)).toMatchObject({ apiVersion: 'v1.1', orderId: expect.any(String) });
  });

  it('--dedicated-host: the host goes into the request', async () => {
    // --wait: the job ends before the next test checks the same server (no race with a running job).
    const { code } = await cli(
      ['resize', SERVERS.dedicatedHost, 's3.xlarge.2', '--dedicated-host', DEDICATED_HOST_ID, '--wait', '--interval', '50'],
      env,
    );
    expect(code).toBe(0);
    expect(jobsOf(SERVERS.dedicatedHost).at(-1)).toMatchObject({ apiVersion: 'v1.1', dedicatedHostId: DEDICATED_HOST_ID });
  });

  it('without the flag nothing is sent', async () => {
    const before = jobsOf(SERVERS.dedicatedHost).length;
    const { code, stdout } = await cli(['resize', SERVERS.dedicatedHost, 's3.2xlarge.2'], env);
    expect(code).toBe(1);
    expect(stdout).toContain('Nothing was sent.');
    expect(jobsOf(SERVERS.dedicatedHost)).toHaveLength(before);
  });
});
