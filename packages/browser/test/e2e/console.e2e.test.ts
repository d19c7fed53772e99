import { createProxyHandler, toNodeListener } from '@ecs-resize/core/proxy';
import { DEFAULT_CREDENTIALS, DEFAULT_TOKEN, SERVERS, startEmulator, type Emulator } from '@ecs-resize/emulator';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, findChromium } from '../../../../config/find-chromium.mjs';

/** Chromium: `CHROMIUM_PATH` or the usual locations (`pnpm test` installs Debian's package where it can). */
const chromiumLocation = findChromium();

const page = new URL('./console-page.html', import.meta.url);
const bundle = new URL('../../dist/ecs-resize.iife.js', import.meta.url);

/**
 * The console's own server on 127.0.0.1: the page, the IIFE bundle (built by `pnpm run
 * build`), and the signing proxy under /ecs-proxy, in front of the emulator.
 */
async function startConsole(emulator: Emulator): Promise<{ server: Server; origin: string }> {
  const proxy = toNodeListener(
    createProxyHandler({
      endpoint: emulator.url,
      projectId: emulator.projectId,
      auth: DEFAULT_CREDENTIALS,
      basePath: '/ecs-proxy',
    }),
  );
  const files: Record<string, [URL, string]> = {
    '/': [page, 'text/html; charset=utf-8'],
    '/ecs-resize.iife.js': [bundle, 'text/javascript; charset=utf-8'],
  };
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://console').pathname;
    if (path.startsWith('/ecs-proxy/')) return proxy(request, response);
    const file = files[path];
    if (!file) return void response.writeHead(404).end();
    void readFile(file[0]).then((body) => response.writeHead(200, { 'Content-Type': file[1] }).end(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** The events the page recorded. */
const eventsOf = (tab: Page) =>
  tab.evaluate(() => (window as unknown as { events: { type: string; ok?: boolean; status?: string }[] }).events);

describe('the console in real Chromium', () => {
  let emulator: Emulator;
  let consoleServer: Server;
  let origin: string;
  let browser: Browser;

  beforeAll(async () => {
    if (chromiumLocation.path === undefined) return;
    emulator = await startEmulator({ jobDurationMs: 400 });
    ({ server: consoleServer, origin } = await startConsole(emulator));
    browser = await chromium.launch({ executablePath: chromiumLocation.path, args: [...CHROMIUM_ARGS] });
  }, 60_000);

  // Without a browser every test fails, saying what to do: they are never skipped silently.
  beforeEach(() => {
    if (chromiumLocation.path === undefined) {
      throw new Error(`The real-browser tests need Chromium: ${chromiumLocation.reason}.`);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => consoleServer?.close(resolve));
    await emulator?.close();
  });

  /** Uncaught errors of the pages: there must be none. */
  const pageErrors: Error[] = [];
  afterEach(() => expect(pageErrors.splice(0)).toEqual([]));

  /** Opens the console page for one resize (`endpoint`, `server`, `flavor`, maybe `token`). */
  async function open(query: Record<string, string>): Promise<Page> {
    const tab = await browser.newPage();
    tab.on('pageerror', (error) => pageErrors.push(error));
    await tab.goto(`${origin}/?${new URLSearchParams({ project: emulator.projectId, ...query })}`);
    return tab;
  }

  it('through the signing proxy: a running server is blocked, Resize stays disabled', async () => {
    const tab = await open({ endpoint: '/ecs-proxy', server: SERVERS.kvmRunning, flavor: 's3.xlarge.2' });
    const alert = tab.locator('ecs-resize-check [role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/Resize blocked: 1 error\..*is ACTIVE/);
    expect(await tab.locator('ecs-resize-check button').isDisabled()).toBe(true);
    expect(emulator.state.countRequests('resize')).toBe(0);
    await tab.close();
  });

  it('through the signing proxy: an allowed resize is sent, its job followed to the end', async () => {
    const tab = await open({ endpoint: '/ecs-proxy', server: SERVERS.kvmScsi, flavor: 'c6.xlarge.2' });
    const button = tab.locator('ecs-resize-check button');
    await tab.locator('ecs-resize-check [role="status"][data-ok="true"]').waitFor();
    expect(await button.isEnabled()).toBe(true);
    await button.click();
    await tab.getByText('Resized to c6.xlarge.2').waitFor({ timeout: 15_000 });
    const types = (await eventsOf(tab)).map((event) => event.type);
    expect(types.slice(0, 2)).toEqual(['preflight', 'resize-start']);
    expect(types).toContain('progress');
    expect(types.at(-1)).toBe('done');
    expect(emulator.state.servers.get(SERVERS.kvmScsi)!.flavorId).toBe('c6.xlarge.2');
    expect(emulator.state.resizeJobs.map((job) => job.serverId)).toEqual([SERVERS.kvmScsi]);
    await tab.close();
  });

  it('directly against the API with CORS for the page origin: checks and resizes', async () => {
    const direct = await startEmulator({ jobDurationMs: 400, cors: { origins: [origin] } });
    try {
      const tab = await open({ endpoint: direct.url, token: DEFAULT_TOKEN, server: SERVERS.kvmStopped, flavor: 's3.xlarge.2' });
      await tab.locator('ecs-resize-check [role="status"][data-ok="true"]').waitFor();
      await tab.locator('ecs-resize-check button').click();
      await tab.getByText('Resized to s3.xlarge.2').waitFor({ timeout: 15_000 });
      expect(direct.state.servers.get(SERVERS.kvmStopped)!.flavorId).toBe('s3.xlarge.2');
      await tab.close();
    } finally {
      await direct.close();
    }
  });

  it('directly against the API without CORS: the browser refuses, the page reports the error', async () => {
    const tab = await open({ endpoint: emulator.url, token: DEFAULT_TOKEN, server: SERVERS.kvmStopped, flavor: 's3.xlarge.2' });
    await tab.waitForFunction(
      () => (window as unknown as { events: { type: string }[] }).events.some((event) => event.type === 'error'),
      null,
      { timeout: 15_000 },
    );
    expect(await tab.locator('ecs-resize-check p[role="status"]').textContent()).toMatch(/Network error/);
    await tab.close();
  });
});
