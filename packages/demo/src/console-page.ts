/**
 * The demo console: one `<ecs-resize-console>` (from the browser bundle, served at
 * `/ecs-resize.iife.js`) on every server of the project, calling the ECS API through the
 * signing proxy at `/ecs-proxy`. It names no server: the element lists them.
 */
export function consolePage(projectId: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>ecs-resize demo console</title>
    <style>
      body { font: 16px/1.5 system-ui, sans-serif; max-width: 72rem; margin: 0 auto; padding: 1rem; color: #1c2430; }
      h1 { font-size: 1.5rem; margin: 0.5rem 0; }
      p { margin: 0 0 1rem; }
      ecs-resize-console { --ecs-resize-accent: #0b5cad; --ecs-resize-radius: 10px; }
    </style>
  </head>
  <body>
    <h1>Resize a server</h1>
    <p>
      Pick a server, then a flavor: every flavor the server can change to is checked against the resize rules, and a
      blocked one says why. Try <b>kvm-s3-running</b> (running: stop-and-start makes it possible) or
      <b>xen-c1-stopped-drivers</b> to <b>s3.large.2</b> (Xen to KVM: confirm the drivers first). The page calls
      <code>/ecs-proxy</code>, a signing proxy in front of the embedded ECS emulator.
    </p>
    <ecs-resize-console></ecs-resize-console>
    <script src="/ecs-resize.iife.js"></script>
    <script>
      const { createEcsClient, createRuleEngine, defineResizeConsoleElement } = EcsResize;
      defineResizeConsoleElement();
      const element = document.querySelector('ecs-resize-console');
      element.waitOptions = { interval: 500, maxInterval: 1000 };
      element.engine = createRuleEngine();
      element.client = createEcsClient({ endpoint: '/ecs-proxy', projectId: ${JSON.stringify(projectId)} });
    </script>
  </body>
</html>
`;
}
