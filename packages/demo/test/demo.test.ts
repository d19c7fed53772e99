import { DEFAULT_PROJECT_ID, defaultData, SERVERS } from '@ecs-resize/emulator';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, spawnCli, type CliResult } from '../../cli/test/helpers/cli.js';

/** The demo's process, as `pnpm start` runs it (the root `pnpm test` builds it first). */
const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));

/** Runs the built demo with `args` in `cwd`, with a clean environment. */
const demo = (args: readonly string[], cwd?: string) => cli(args, {}, cwd, MAIN);

describe('pnpm start: the walk-through', () => {
  let run: CliResult;
  beforeAll(async () => {
    // A rules config in the current directory does not change the demo.
    const cwd = mkdtempSync(join(tmpdir(), 'ecs-resize-demo-'));
    writeFileSync(join(cwd, 'ecs-resize.config.json'), JSON.stringify({ rules: { 'no-kvm-to-xen': 'off' } }));
    try {
      run = await demo([], cwd);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });

  it('walks through every case on the embedded emulator and ends with the summary', () => {
    const { code, stdout } = run;
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
      /Summary\n# +Command +Exit +Outcome\n1 +resize kvm-s3-running s3\.xlarge\.2 +1 +blocked by the preflight, nothing sent\n/,
    );
    expect(stdout).toMatch(
      /6 +resize xen-s1-stopped-no-drivers h1\.large\.2 --confirm h1-drivers --wait +4 +sent; the job failed\n$/,
    );
    expect(stdout).not.toContain('expected exit code');
  });

  it('names in each summary row the server its case heading names (9 rows)', () => {
    const { stdout } = run;
    const headings = new Map([...stdout.matchAll(/^(\d)\. (.*)$/gm)].map(([, index = '', title = '']) => [index, title]));
    const names = new Set(defaultData().servers.map((server) => server.name));
    const rows = [...stdout.slice(stdout.indexOf('Summary')).matchAll(/^(\d) +resize (\S+) /gm)];
    expect(rows).toHaveLength(9);
    for (const [, index = '', server = ''] of rows) {
      expect(names).toContain(server);
      expect(headings.get(index)).toContain(server);
    }
  });
});

describe.concurrent('pnpm start: flags', () => {
  it('--serve serves the console, the bundle and the signing proxy until SIGTERM', async () => {
    const run = spawnCli(['--serve', '--port', '0'], {}, undefined, MAIN);
    const [, url = ''] = await run.waitFor(/Demo console: (http:\/\/127\.0\.0\.1:\d+\/)\n/);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<ecs-resize-console></ecs-resize-console>');
    expect(html).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
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

  it.each([
    { args: ['--port', '8080'], message: '--port goes with --serve.' },
    { args: ['--serve', '--endpoint', 'http://127.0.0.1:1'], message: '--serve runs its own emulator' },
    { args: ['--serve', '--port', '65536'], message: '--port takes a port number from 0 to 65535, not "65536".' },
    { args: ['--serve', '--port', 'http'], message: '--port takes a port number from 0 to 65535, not "http".' },
    { args: ['--serve', '--port', ''], message: '--port takes a port number from 0 to 65535, not "".' },
    { args: ['--serve', '--port', '8.5'], message: '--port takes a port number from 0 to 65535, not "8.5".' },
    { args: ['--json'], message: "Unknown option '--json'" },
    { args: ['demo'], message: "Unexpected argument 'demo'" },
  ])('refuses $args with exit code 2, before starting anything', async ({ args, message }) => {
    const { code, stdout, stderr } = await demo(args);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toContain(`error: ${message}`);
    expect(stderr).toContain('Usage: pnpm start');
  });
});

describe('the published CLI', () => {
  const manifest = (name: string) =>
    JSON.parse(readFileSync(new URL(`../../${name}/package.json`, import.meta.url), 'utf8')) as {
      dependencies?: Record<string, string>;
    };

  it.each(['@ecs-resize/emulator', '@ecs-resize/browser'])('does not install %s; the demo does', (name) => {
    expect(Object.keys(manifest('cli').dependencies ?? {})).not.toContain(name);
    expect(Object.keys(manifest('demo').dependencies ?? {})).toContain(name);
  });
});
