import { DEFAULT_PROJECT_ID, SERVERS } from '@ecs-resize/emulator';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, findChromium } from '../../../config/find-chromium.mjs';
import { serveDemoConsole, type DemoConsole } from '../src/serve-console.js';

/** Chromium: `CHROMIUM_PATH` or the usual locations (`pnpm test` installs Debian's package where it can). */
const chromiumLocation = findChromium();

/** Set to a folder (e.g. `docs/screenshots`) to write the console's screenshots there. */
const SCREENSHOTS = process.env['ECS_RESIZE_SCREENSHOTS'];

/** The widths the console must be readable at, with the screenshot each gives. */
const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/** The server's flavor, read through the console's own signing proxy. */
async function flavorOf(demo: DemoConsole, serverId: string): Promise<string> {
  const response = await fetch(`${demo.url}ecs-proxy/v1/${DEFAULT_PROJECT_ID}/cloudservers/${serverId}`);
  return ((await response.json()) as { server: { flavor: { id: string } } }).server.flavor.id;
}

describe('the demo console page in real Chromium', () => {
  let browser: Browser;
  let demo: DemoConsole;
  const pageErrors: Error[] = [];

  beforeAll(async () => {
    if (chromiumLocation.path === undefined) return;
    browser = await chromium.launch({ executablePath: chromiumLocation.path, args: [...CHROMIUM_ARGS] });
  }, 60_000);
  afterAll(() => browser?.close());

  // Without a browser every test fails, saying what to do: they are never skipped silently.
  beforeEach(async () => {
    if (chromiumLocation.path === undefined) {
      throw new Error(`The real-browser tests need Chromium: ${chromiumLocation.reason}.`);
    }
    demo = await serveDemoConsole(0, 400);
  }, 30_000);
  afterEach(async () => {
    await demo?.close();
    expect(pageErrors.splice(0)).toEqual([]);
  });

  /** Opens the page at a viewport, once its servers are listed. */
  async function open(viewport: { width: number; height: number } = VIEWPORTS[0]): Promise<Page> {
    const tab = await browser.newPage({ viewport });
    tab.on('pageerror', (error) => pageErrors.push(error));
    await tab.goto(demo.url);
    await tab.getByRole('radio', { name: /kvm-s3-running/ }).waitFor();
    return tab;
  }

  /** The list item of a server or target, by the start of its radio's accessible name. */
  const choice = (tab: Page, name: string) =>
    tab.locator('[part~="choice"]', { has: tab.getByRole('radio', { name: new RegExp(`^${name.replaceAll('.', '\\.')}\\b`) }) });

  /** Picks a server and waits for its targets to be listed. */
  async function pickServer(tab: Page, name: string): Promise<void> {
    await tab.getByRole('radio', { name: new RegExp(`^${name} `) }).check();
    await tab.locator('[part~="target-list"] input').first().waitFor();
  }

  it('pick a server and a flavor, see why it is blocked, confirm, resize, see the job finish', async () => {
    const tab = await open();
    await pickServer(tab, 'xen-c1-stopped-drivers');
    const target = choice(tab, 's3.large.2');
    expect(await target.getAttribute('data-verdict')).toBe('blocked');
    expect(await target.locator('[part~="choice-detail"]').textContent()).toBe('2 vCPUs · 4 GiB');
    const reason = await target.locator('[part~="reason"]').textContent();
    expect(reason).toMatch(/driver/i);
    const radio = target.getByRole('radio');
    const describedBy = await radio.getAttribute('aria-describedby');
    expect(await target.locator(`[id="${describedBy}"]`).textContent()).toBe(reason);
    await radio.check();
    await tab.locator('[part~="report"] [role="alert"]').waitFor();
    expect(await tab.locator('[part~="resize-button"]').isDisabled()).toBe(true);
    await tab.getByRole('checkbox', { name: /KVM guest drivers are installed/ }).check();
    await tab.locator('[part~="resize-button"]:not([disabled])').waitFor();
    expect(await tab.locator('[part~="report"] [role="status"]').textContent()).toMatch(/Ready to resize/);
    await tab.getByRole('button', { name: 'Resize to s3.large.2' }).click();
    const status = tab.locator('[part~="status"][data-outcome="success"]');
    await status.waitFor({ timeout: 15_000 });
    expect(await status.textContent()).toMatch(/^Resized to s3\.large\.2: job \w+ succeeded\.$/);
    expect(await flavorOf(demo, SERVERS.xenDrivers)).toBe('s3.large.2');
    await tab.getByRole('radio', { name: /^xen-c1-stopped-drivers SHUTOFF · s3\.large\.2/ }).waitFor();
    await tab.close();
  }, 60_000);

  it('by keyboard alone: filter, pick with the arrow keys, and Enter held on Resize sends one resize', async () => {
    const tab = await open();
    await tab.keyboard.press('Tab');
    expect(await tab.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.getAttribute('part'))).toMatch(
      /server-filter/,
    );
    await tab.keyboard.type('kvm-c6');
    await tab.keyboard.press('Tab');
    await tab.keyboard.press('Space');
    await tab.locator('[part~="target-list"] input').first().waitFor();
    await tab.locator('[part~="target-list"] input').first().focus();
    const allowed = choice(tab, 'c6.xlarge.2');
    const count = await tab.locator('[part~="target-list"] input').count();
    for (let step = 0; step < count && !(await allowed.getByRole('radio').isChecked()); step++)
      await tab.keyboard.press('ArrowDown');
    expect(await allowed.getByRole('radio').isChecked()).toBe(true);
    await tab.locator('[part~="resize-button"]:not([disabled])').waitFor();
    const resizes: string[] = [];
    tab.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/resize')) resizes.push(request.url());
    });
    await tab.locator('[part~="resize-button"]').focus();
    for (let repeat = 0; repeat < 5; repeat++) await tab.keyboard.press('Enter');
    await tab.locator('[part~="status"][data-outcome="success"]').waitFor({ timeout: 15_000 });
    const sent = await fetch(`${demo.url}ecs-proxy/v1/${DEFAULT_PROJECT_ID}/cloudservers/${SERVERS.kvmScsi}`);
    expect(((await sent.json()) as { server: { flavor: { id: string } } }).server.flavor.id).toBe('c6.xlarge.2');
    expect(await tab.locator('[part~="error"]').textContent()).toBe('');
    expect(resizes).toHaveLength(1);
    await tab.close();
  }, 60_000);

  it.each(VIEWPORTS)(
    '$name ($width px): nothing scrolls sideways, every control is in view',
    async (viewport) => {
      const tab = await open(viewport);
      await pickServer(tab, 'xen-c1-stopped-drivers');
      await choice(tab, 's3.large.2').getByRole('radio').check();
      await tab.getByRole('checkbox', { name: /KVM guest drivers are installed/ }).check();
      await tab.locator('[part~="resize-button"]:not([disabled])').waitFor();
      const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBe(0);
      for (const control of [
        '[part~="server-list"]',
        '[part~="target-list"]',
        '[part~="resize-button"]',
        '[part~="check-button"]',
      ]) {
        const box = await tab.locator(control).boundingBox();
        expect(box!.x).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
      }
      if (SCREENSHOTS) {
        const folder = resolve(SCREENSHOTS);
        mkdirSync(folder, { recursive: true });
        await tab.screenshot({ path: join(folder, `console-${viewport.name}.png`), fullPage: true, animations: 'disabled' });
      }
      await tab.close();
    },
    60_000,
  );
});
