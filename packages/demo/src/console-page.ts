import { SERVERS } from '@ecs-resize/emulator';

/** One `<ecs-resize-check>` of the page, with what it shows. */
interface ConsoleCheck {
  readonly title: string;
  readonly explanation: string;
  readonly serverId: string;
  readonly flavorRef: string;
  readonly mode?: 'withStopServer';
}

/** The checks on the page, on the emulator's seeded servers. */
const CHECKS: readonly ConsoleCheck[] = [
  {
    title: 'Xen → KVM: xen-c1-stopped-drivers to s3.large.2',
    explanation: 'The API cannot see guest drivers: the check asks you to confirm them. Tick the box, and Resize turns on.',
    serverId: SERVERS.xenDrivers,
    flavorRef: 's3.large.2',
  },
  {
    title: 'A running server with withStopServer: kvm-s3-running to s3.xlarge.2',
    explanation: 'With mode="withStopServer" the cloud stops the server, resizes it and starts it again. Resize shows the job.',
    serverId: SERVERS.kvmRunning,
    flavorRef: 's3.xlarge.2',
    mode: 'withStopServer',
  },
  {
    title: 'KVM → Xen: kvm-s3-stopped to s1.large',
    explanation: 'The API accepts this one and the job fails minutes later. The rules block it before anything is sent.',
    serverId: SERVERS.kvmStopped,
    flavorRef: 's1.large',
  },
  {
    title: 'Too many VBD disks: xen-s1-25-vbd to s3.xlarge.2',
    explanation:
      'A Xen server with more than 24 VBD disks cannot become KVM: confirming the drivers does not help, detaching a disk does.',
    serverId: SERVERS.xen25Vbd,
    flavorRef: 's3.xlarge.2',
  },
];

/** `&`, `<`, `>` and `"` as HTML entities. */
const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);

/**
 * The demo console: a few `<ecs-resize-check>` elements (from the browser bundle, served at
 * `/ecs-resize.iife.js`) for seeded servers, each calling the ECS API through the signing
 * proxy at `/ecs-proxy`.
 */
export function consolePage(projectId: string): string {
  const sections = CHECKS.map(
    (check) => `
      <section>
        <h2>${escapeHtml(check.title)}</h2>
        <p>${escapeHtml(check.explanation)}</p>
        <ecs-resize-check server-id="${escapeHtml(check.serverId)}" flavor-ref="${escapeHtml(check.flavorRef)}"${check.mode ? ` mode="${check.mode}"` : ''}></ecs-resize-check>
      </section>`,
  ).join('');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>ecs-resize demo console</title>
    <style>
      body { font: 16px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
      section { border: 1px solid #ccc; border-radius: 8px; padding: 0 1rem 1rem; margin: 1rem 0; }
    </style>
  </head>
  <body>
    <h1>ecs-resize demo console</h1>
    <p>
      Each box below is an <code>&lt;ecs-resize-check&gt;</code> element from <code>@ecs-resize/browser</code>. It reads the
      server, its target flavors and its disks, runs the resize rules in the page, and enables <b>Resize</b> only when they
      pass. The ECS API sends no CORS headers, so the page calls <code>/ecs-proxy</code> on its own origin: a signing proxy
      (<code>@ecs-resize/core/proxy</code>) that holds the credentials, in front of the embedded ECS emulator.
    </p>${sections}
    <script src="/ecs-resize.iife.js"></script>
    <script>
      const { createEcsClient, createRuleEngine, defineResizeCheckElement } = EcsResize;
      defineResizeCheckElement();
      const client = createEcsClient({ endpoint: '/ecs-proxy', projectId: ${JSON.stringify(projectId)} });
      const engine = createRuleEngine();
      for (const element of document.querySelectorAll('ecs-resize-check')) {
        element.waitOptions = { interval: 500, maxInterval: 1000 };
        element.client = client;
        element.engine = engine;
      }
    </script>
  </body>
</html>
`;
}
