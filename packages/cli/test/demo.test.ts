import { DEFAULT_PROJECT_ID, SERVERS } from '@ecs-resize/emulator';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { cli, spawnCli } from './helpers/cli.js';

describe.concurrent('demo', () => {
  it('walks through every case on the embedded emulator and ends with the summary', async () => {
    // A rules config in the current directory does not change the demo.
    const cwd = mkdtempSync(join(tmpdir(), 'ecs-resize-demo-'));
    onTestFinished(() => rmSync(cwd, { recursive: true, force: true }));
    writeFileSync(join(cwd, 'ecs-resize.config.json'), JSON.stringify({ rules: { 'no-kvm-to-xen': 'off' } }));
    const { code, stdout } = await cli(['demo'], {}, cwd);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ecs-resize demo: ECS emulator at http:\/\/127\.0\.0\.1:\d+, requests signed with AK\/SK\./);
    const cases = [
      /1\. A running server .*\n\n\$ ecs-resize resize \S+007 s3\.xlarge\.2\n[\s\S]*server-stopped[\s\S]*--mode withStopServer --wait[\s\S]*job \w+: SUCCESS/,
      /2\. KVM → Xen[\s\S]*no-kvm-to-xen[\s\S]*Nothing was sent\./,
      /3\. Xen with 25 VBD disks → KVM[\s\S]*xen-vbd-limit/,
      /4\. Xen → KVM[\s\S]*xen-to-kvm-drivers[\s\S]*--confirm xen-to-kvm-drivers --wait[\s\S]*job \w+: (INIT|RUNNING) after[\s\S]*job \w+: SUCCESS/,
      /5\. S1 → H1[\s\S]*h1-drivers[\s\S]*--confirm h1-drivers --wait[\s\S]*Done: server \S+004 now has flavor h1\.xlarge\.2/,
      /6\. A confirmation is a promise[\s\S]*job \w+: FAIL[\s\S]*error: Job \w+ failed: Ecs\.0207/,
    ];
    for (const pattern of cases) expect(stdout).toMatch(pattern);
    expect(stdout).toMatch(
      /Summary\n# +Command +Exit +Outcome\n1 +resize kvmRunning s3\.xlarge\.2 +1 +blocked by the preflight, nothing sent\n/,
    );
    expect(stdout).toMatch(/6 +resize xenStopped h1\.large\.2 --confirm h1-drivers --wait +4 +sent; the job failed\n$/);
    expect(stdout).not.toContain('expected exit code');
  });

  it('--serve serves the console, the bundle and the signing proxy until SIGTERM', async () => {
    const run = spawnCli(['demo', '--serve', '--port', '0']);
    const [, url = ''] = await run.waitFor(/Demo console: (http:\/\/127\.0\.0\.1:\d+\/)\n/);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`<ecs-resize-check server-id="${SERVERS.xenDrivers}" flavor-ref="s3.large.2">`);
    expect(html).toContain("createEcsClient({ endpoint: '/ecs-proxy'");
    const bundle = await fetch(`${url}ecs-resize.iife.js`);
    expect(bundle.status).toBe(200);
    expect(await bundle.text()).toContain('EcsResize');
    const server = await fetch(`${url}ecs-proxy/v1/${DEFAULT_PROJECT_ID}/cloudservers/${SERVERS.kvmRunning}`);
    expect(server.status).toBe(200);
    expect(await server.json()).toMatchObject({ server: { id: SERVERS.kvmRunning, status: 'ACTIVE' } });
    expect(
      (await fetch(`${url}ecs-proxy/v1/${DEFAULT_PROJECT_ID}/cloudservers/detail/../../../etc`)).status,
    ).toBeGreaterThanOrEqual(400);
    run.child.kill('SIGTERM');
    const { code, stdout } = await run.done;
    expect(code).toBe(0);
    expect(stdout).toMatch(/Stopped\.\n$/);
  });

  it('refuses --port without --serve', async () => {
    const { code, stderr } = await cli(['demo', '--port', '8080']);
    expect(code).toBe(2);
    expect(stderr).toContain('--port goes with --serve.');
  });
});
