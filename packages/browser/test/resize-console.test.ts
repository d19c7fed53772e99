// @vitest-environment happy-dom
import {
  DEFAULT_PROJECT_ID,
  DEFAULT_TOKEN,
  defaultData,
  fleetData,
  SERVERS,
  startEmulator,
  type Emulator,
  type EmulatorData,
} from '@ecs-resize/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEcsConnection, createRuleEngine, defineResizeConsoleElement, type ResizeConsoleElement } from '../src/index.js';
import { CONSOLE_LIST_LIMIT } from '../src/dom/resize-console-parts.js';

/** Waits for the next event of `type` on `target`. */
function nextEvent<T = unknown>(target: EventTarget, type: string): Promise<CustomEvent<T>> {
  return new Promise((resolve) => target.addEventListener(type, (event) => resolve(event as CustomEvent<T>), { once: true }));
}

/** The element's shadow root. */
const shadow = (element: ResizeConsoleElement): ShadowRoot => element.shadowRoot!;

/** The part named `name` inside the element. */
function part<T extends Element = HTMLElement>(element: ResizeConsoleElement, name: string): T {
  const found = shadow(element).querySelector<T>(`[part~="${name}"]`);
  if (!found) throw new Error(`no part ${name}`);
  return found;
}

/** The radio of `value` in the `server` or `target` list. */
function radio(element: ResizeConsoleElement, list: 'server' | 'target', value: string): HTMLInputElement {
  const found = [...shadow(element).querySelectorAll<HTMLInputElement>(`input[name="${list}"]`)].find(
    (box) => box.value === value,
  );
  if (!found) throw new Error(`no ${list} ${value}`);
  return found;
}

/** The list item of a target flavor. */
const targetRow = (element: ResizeConsoleElement, flavorRef: string) => radio(element, 'target', flavorRef).closest('li')!;

/** Starts an emulator the page may call cross-origin. */
const emulatorFor = (data?: EmulatorData) =>
  startEmulator({ jobDurationMs: 60, cors: { origins: [window.location.origin] }, ...(data ? { data } : {}) });

/** A connected console on `emulator`, once its servers are listed. */
async function mount(emulator: Emulator, token = DEFAULT_TOKEN): Promise<ResizeConsoleElement> {
  defineResizeConsoleElement();
  const element = document.createElement('ecs-resize-console') as ResizeConsoleElement;
  element.client = createEcsConnection({ endpoint: emulator.url, projectId: DEFAULT_PROJECT_ID, auth: { token } });
  element.engine = createRuleEngine();
  element.waitOptions = { interval: 10, maxInterval: 20 };
  const listed = nextEvent(element, 'servers');
  document.body.append(element);
  await listed;
  return element;
}

/** Picks a server and waits for its targets' check. */
async function pickServer(element: ResizeConsoleElement, serverId: string): Promise<void> {
  const checked = nextEvent(element, 'targets');
  radio(element, 'server', serverId).click();
  await checked;
}

/** Picks a target flavor (its report comes from the last check: no request). */
function pickTarget(element: ResizeConsoleElement, flavorRef: string): void {
  radio(element, 'target', flavorRef).click();
}

describe('<ecs-resize-console> on the seeded servers', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await emulatorFor();
  });
  afterAll(() => emulator.close());

  it('registers nothing on import, once on request', () => {
    expect(customElements.get('ecs-console-test')).toBeUndefined();
    const first = defineResizeConsoleElement('ecs-console-test');
    expect(customElements.get('ecs-console-test')).toBe(first);
    expect(defineResizeConsoleElement('ecs-console-test')).toBe(first);
  });

  it('lists every server by name, with its status and flavor', async () => {
    const element = await mount(emulator);
    const rows = [...shadow(element).querySelectorAll('[part~="server-list"] li')].map((row) => [
      row.querySelector('[part~="choice-name"]')!.textContent,
      row.querySelector('[part~="choice-detail"]')!.textContent,
    ]);
    const expected = [...emulator.state.servers.values()].map((server) => [server.name, `${server.status} · ${server.flavorId}`]);
    expect(rows).toEqual(expected);
    expect(rows).toContainEqual(['kvm-s3-running', 'ACTIVE · s3.large.2']);
    element.remove();
  });

  it.each([
    {
      name: 'a running server',
      server: SERVERS.kvmRunning,
      flavor: 's3.xlarge.2',
      verdict: 'blocked',
      size: '4 vCPUs · 8 GiB',
      reason: /is ACTIVE; it must be stopped/,
    },
    {
      name: 'KVM to Xen',
      server: SERVERS.kvmStopped,
      flavor: 's1.large',
      verdict: 'blocked',
      size: '2 vCPUs · 8 GiB',
      reason: /Xen/,
    },
    {
      name: 'Xen to KVM without the drivers confirmed',
      server: SERVERS.xenDrivers,
      flavor: 's3.large.2',
      verdict: 'blocked',
      size: '2 vCPUs · 4 GiB',
      reason: /driver/i,
    },
    {
      name: 'an allowed one',
      server: SERVERS.kvmStopped,
      flavor: 's3.xlarge.2',
      verdict: 'ok',
      size: '4 vCPUs · 8 GiB',
      reason: undefined,
    },
  ])(
    '$name: the target shows its size and verdict, and why not as the radio’s description',
    async ({ server, flavor, verdict, size, reason }) => {
      const element = await mount(emulator);
      await pickServer(element, server);
      const row = targetRow(element, flavor);
      expect(row.dataset['verdict']).toBe(verdict);
      expect(row.querySelector('[part~="choice-detail"]')!.textContent).toBe(size);
      const describedBy = radio(element, 'target', flavor).getAttribute('aria-describedby');
      if (reason === undefined) {
        expect(describedBy).toBeNull();
      } else {
        const description = shadow(element).getElementById(describedBy!);
        expect(description?.textContent).toMatch(reason);
        expect(row.contains(description)).toBe(true);
      }
      const shown = nextEvent<{ report: { ok: boolean } }>(element, 'preflight');
      pickTarget(element, flavor);
      expect((await shown).detail.report.ok).toBe(verdict === 'ok');
      expect(part<HTMLButtonElement>(element, 'resize-button').disabled).toBe(verdict !== 'ok');
      expect(part(element, 'report').querySelector(verdict === 'ok' ? '[role="status"]' : '[role="alert"]')).not.toBeNull();
      element.remove();
    },
  );

  it('asks for a confirmation only when a rule needs it, in the rule’s words, and checks again when it is given', async () => {
    const element = await mount(emulator);
    await pickServer(element, SERVERS.xenDrivers);
    pickTarget(element, 's3.large.2');
    const confirmations = part<HTMLFieldSetElement>(element, 'confirmations');
    expect(confirmations.hidden).toBe(false);
    const visible = [...confirmations.querySelectorAll('label')].filter((label) => !label.hidden);
    expect(visible.map((label) => label.textContent!.trim())).toEqual([
      'The KVM guest drivers are installed (xen-pv and virtio on Linux, PV driver and UVP VMTools on Windows).',
    ]);
    expect(shadow(element).textContent).not.toMatch(/xenToKvmDrivers|confirmations\./);
    const rechecked = nextEvent<{
      targets: Array<{ flavorRef: string; facts: { confirmations?: object }; report: { ok: boolean } }>;
    }>(element, 'targets');
    visible[0]!.querySelector('input')!.click();
    expect(part<HTMLButtonElement>(element, 'resize-button').disabled).toBe(true);
    const again = (await rechecked).detail.targets.find((target) => target.flavorRef === 's3.large.2')!;
    expect(again.facts.confirmations).toEqual({ xenToKvmDrivers: true });
    expect(again.report.ok).toBe(true);
    expect(part<HTMLButtonElement>(element, 'resize-button').disabled).toBe(false);
    expect(targetRow(element, 's3.large.2').dataset['verdict']).toBe('ok');
    element.remove();
  });

  it('shows no confirmations where no rule asks for one', async () => {
    const element = await mount(emulator);
    await pickServer(element, SERVERS.kvmStopped);
    pickTarget(element, 's3.xlarge.2');
    expect(part(element, 'confirmations').hidden).toBe(true);
    element.remove();
  });

  it('a running server: the stop-and-start option makes the resize possible', async () => {
    const element = await mount(emulator);
    await pickServer(element, SERVERS.kvmRunning);
    pickTarget(element, 's3.xlarge.2');
    expect(part(element, 'stop').hidden).toBe(false);
    const rechecked = nextEvent<{ targets: Array<{ flavorRef: string; facts: { mode?: string } }> }>(element, 'targets');
    part(element, 'stop').querySelector('input')!.click();
    const target = (await rechecked).detail.targets.find((candidate) => candidate.flavorRef === 's3.xlarge.2')!;
    expect(target.facts.mode).toBe('withStopServer');
    expect(part<HTMLButtonElement>(element, 'resize-button').disabled).toBe(false);
    element.remove();
  });

  it('a yearly/monthly server: paying at once makes the resize possible; the order is paid and the job followed', async () => {
    const element = await mount(emulator);
    await pickServer(element, SERVERS.prepaid);
    pickTarget(element, 's3.xlarge.2');
    expect(part(element, 'stop').hidden).toBe(true);
    expect(part(element, 'pay').hidden).toBe(false);
    expect(part(element, 'report').textContent).toMatch(/yearly\/monthly/);
    const rechecked = nextEvent<{ targets: Array<{ flavorRef: string; facts: { autoPay?: boolean } }> }>(element, 'targets');
    part(element, 'pay').querySelector('input')!.click();
    const target = (await rechecked).detail.targets.find((candidate) => candidate.flavorRef === 's3.xlarge.2')!;
    expect(target.facts.autoPay).toBe(true);
    const done = nextEvent<{ result: { orderId?: string }; job?: { status: string } }>(element, 'done');
    part(element, 'resize-button').click();
    const { detail } = await done;
    expect(detail.result.orderId).toEqual(expect.any(String));
    expect(detail.job?.status).toBe('SUCCESS');
    expect(part(element, 'status').textContent).toMatch(/^Resized to s3\.xlarge\.2: job \w+ succeeded\.$/);
    await nextEvent(element, 'targets');
    element.remove();
  });

  it('resizes: progress in the live region, success shown, then the server listed with its new flavor', async () => {
    const element = await mount(emulator);
    await pickServer(element, SERVERS.kvmScsi);
    pickTarget(element, 'c6.xlarge.2');
    const events: string[] = [];
    for (const type of ['resize-start', 'progress']) element.addEventListener(type, () => events.push(type));
    const done = nextEvent<{ job: { status: string } }>(element, 'done');
    const relisted = new Promise((resolve) => done.then(() => resolve(nextEvent(element, 'targets'))));
    part(element, 'resize-button').click();
    expect(part<HTMLFieldSetElement>(element, 'servers').disabled).toBe(true);
    expect((await done).detail.job.status).toBe('SUCCESS');
    expect(events[0]).toBe('resize-start');
    expect(events).toContain('progress');
    const status = part(element, 'status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.textContent).toMatch(/^Resized to c6\.xlarge\.2: job \w+ succeeded\.$/);
    await relisted;
    expect(radio(element, 'server', SERVERS.kvmScsi).closest('li')!.textContent).toContain('SHUTOFF · c6.xlarge.2');
    expect(status.textContent).toMatch(/^Resized to c6\.xlarge\.2/);
    expect(part<HTMLButtonElement>(element, 'resize-button').disabled).toBe(true);
    await pickServer(element, SERVERS.kvmStopped);
    expect(status.textContent).toBe('');
    expect(status.dataset['outcome']).toBeUndefined();
    element.remove();
  });

  it('a job that fails: its message is shown as an alert, and cleared when another flavor is picked', async () => {
    const element = await mount(emulator);
    await pickServer(element, SERVERS.xenStopped);
    pickTarget(element, 'h1.large.2');
    const rechecked = nextEvent(element, 'targets');
    part(element, 'confirmations').querySelector<HTMLInputElement>('input[name="h1Drivers"]')!.click();
    await rechecked;
    const failed = nextEvent<{ error: Error }>(element, 'error');
    part(element, 'resize-button').click();
    expect((await failed).detail.error.name).toBe('JobFailedError');
    const error = part(element, 'error');
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toMatch(/failed/);
    await nextEvent(element, 'targets');
    pickTarget(element, [...shadow(element).querySelectorAll<HTMLInputElement>('input[name="target"]')].at(-1)!.value);
    expect(error.textContent).toBe('');
    element.remove();
  });

  it.each([
    {
      name: 'three clicks in a row',
      ask: (element: ResizeConsoleElement) => [0, 1, 2].map(() => part(element, 'resize-button').click()),
    },
    { name: 'two calls at once', ask: (element: ResizeConsoleElement) => [element.resize(), element.resize()] },
    {
      name: 'a click, then Check again and another click while it is sent',
      ask: (element: ResizeConsoleElement) => {
        part(element, 'resize-button').click();
        expect(part<HTMLButtonElement>(element, 'check-button').disabled).toBe(true);
        void element.check();
        part(element, 'resize-button').click();
      },
    },
  ])('sends one resize however often it is asked for: $name', async ({ ask }) => {
    const element = await mount(emulator);
    await pickServer(element, SERVERS.kvmStopped);
    const flavor = element.targets!.find((target) => target.report.ok)!.flavorRef;
    pickTarget(element, flavor);
    const posts = emulator.state.countRequests('resize');
    const done = nextEvent(element, 'done');
    ask(element);
    await done;
    expect(emulator.state.countRequests('resize') - posts).toBe(1);
    await nextEvent(element, 'targets');
    element.remove();
  });

  it('sends nothing when Resize is asked for while a check is in flight', async () => {
    const element = await mount(emulator);
    await pickServer(element, SERVERS.kvmStopped);
    pickTarget(element, element.targets!.find((target) => target.report.ok)!.flavorRef);
    const posts = emulator.state.countRequests('resize');
    const rechecked = nextEvent(element, 'targets');
    part(element, 'check-button').click();
    expect(element.getAttribute('aria-busy')).toBe('true');
    expect(part(element, 'targets').getAttribute('aria-busy')).toBe('true');
    expect(part<HTMLButtonElement>(element, 'resize-button').disabled).toBe(true);
    part(element, 'resize-button').click();
    expect(await element.resize()).toBeUndefined();
    await rechecked;
    expect(emulator.state.countRequests('resize')).toBe(posts);
    expect(element.hasAttribute('aria-busy')).toBe(false);
    expect(part<HTMLButtonElement>(element, 'resize-button').disabled).toBe(false);
    element.remove();
  });

  it('a check replaced by another, then the element removed: both end quietly, nothing stays busy', async () => {
    const element = await mount(emulator);
    const errors: unknown[] = [];
    element.addEventListener('error', (event) => errors.push((event as unknown as CustomEvent).detail));
    radio(element, 'server', SERVERS.kvmStopped).click();
    const second = element.check();
    element.remove();
    expect(await second).toBeUndefined();
    expect(errors).toEqual([]);
    expect(part(element, 'error').textContent).toBe('');
    expect(element.hasAttribute('aria-busy')).toBe(false);
    expect(part(element, 'targets').getAttribute('aria-busy')).toBe('false');
  });

  it('clears the report and the picked flavor when another server is picked', async () => {
    const element = await mount(emulator);
    await pickServer(element, SERVERS.kvmRunning);
    pickTarget(element, 's3.xlarge.2');
    expect(part(element, 'report').textContent).toMatch(/ACTIVE/);
    await pickServer(element, SERVERS.locked);
    expect(element.flavorRef).toBeUndefined();
    expect(part(element, 'report').textContent).toBe('');
    expect(part<HTMLButtonElement>(element, 'resize-button').disabled).toBe(true);
    expect(shadow(element).querySelector('input[name="target"]:checked')).toBeNull();
    element.remove();
  });

  it('a failed listing is shown, with the token masked', async () => {
    defineResizeConsoleElement();
    const element = document.createElement('ecs-resize-console') as ResizeConsoleElement;
    element.client = createEcsConnection({
      endpoint: emulator.url,
      projectId: DEFAULT_PROJECT_ID,
      auth: { token: 'wrong-token-4f1e9' },
    });
    element.engine = createRuleEngine();
    const failed = nextEvent<{ error: Error }>(element, 'error');
    document.body.append(element);
    expect((await failed).detail.error.name).toBe('EcsApiError');
    expect(part(element, 'error').textContent).not.toBe('');
    expect(shadow(element).textContent).not.toContain('wrong-token-4f1e9');
    element.remove();
  });
});

/** The parts and custom properties the element's JSDoc documents for themes. */
const PARTS = [
  'servers',
  'server-filter',
  'server-list',
  'server-note',
  'targets',
  'target-filter',
  'target-list',
  'target-note',
  'filter',
  'list',
  'note',
  'legend',
  'choice',
  'choice-label',
  'choice-name',
  'choice-detail',
  'verdict',
  'reason',
  'stop',
  'pay',
  'option',
  'confirmation',
  'grid',
  'filter-label',
  'choice-text',
  'check',
  'report',
  'confirmations',
  'actions',
  'resize-button',
  'check-button',
  'status',
  'error',
];
const PROPERTIES = [
  '--ecs-resize-accent',
  '--ecs-resize-ok',
  '--ecs-resize-warn',
  '--ecs-resize-danger',
  '--ecs-resize-fg',
  '--ecs-resize-bg',
  '--ecs-resize-muted',
  '--ecs-resize-border',
  '--ecs-resize-radius',
  '--ecs-resize-font',
  '--ecs-resize-list-height',
];

describe('<ecs-resize-console> is themeable', () => {
  let emulator: Emulator;
  let element: ResizeConsoleElement;
  beforeAll(async () => {
    emulator = await emulatorFor();
    element = await mount(emulator);
    await pickServer(element, SERVERS.kvmRunning);
  });
  afterAll(async () => {
    element.remove();
    await emulator.close();
  });

  it.each(PARTS)('part %s exists', (name) => {
    expect(shadow(element).querySelector(`[part~="${name}"]`)).not.toBeNull();
  });

  it.each(PROPERTIES)('custom property %s is read', (property) => {
    expect(shadow(element).querySelector('style')!.textContent).toContain(`var(${property},`);
  });
});

/** Names that must stay text: markup, script, bidi overrides, escapes, controls. */
const HOSTILE = [
  { name: 'markup', text: '<img src=x onerror="window.pwned=1">', shown: '<img src=x onerror="window.pwned=1">' },
  { name: 'a script', text: '<script>window.pwned=1</script>', shown: '<script>window.pwned=1</script>' },
  { name: 'a bidi override', text: 'invoice\u202Egpj.exe', shown: 'invoice\\u{202e}gpj.exe' },
  { name: 'a terminal escape', text: '\u001b[31mred\u001b[0m', shown: '\\u{1b}[31mred\\u{1b}[0m' },
  { name: 'an entity and a zero-width space', text: 'a&amp;b\u200Bc', shown: 'a&amp;b\\u{200b}c' },
];

describe('<ecs-resize-console> shows hostile names as text', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    const data = defaultData();
    HOSTILE.forEach(({ text }, index) => (data.servers[index]!.name = text));
    const xss = '<b id="flavor-markup">s3.large.2</b>';
    data.flavors.push({ ...data.flavors.find((flavor) => flavor.id === 's3.xlarge.2')!, id: xss, name: xss, resizeTo: [] });
    for (const flavor of data.flavors) if (flavor.id === 's3.large.2') flavor.resizeTo.push(xss);
    emulator = await emulatorFor(data);
  });
  afterAll(() => emulator.close());

  it.each(HOSTILE.map((hostile, index) => ({ ...hostile, index })))('$name', async ({ index, shown }) => {
    const element = await mount(emulator);
    const row = shadow(element).querySelectorAll('[part~="server-list"] li')[index]!;
    expect(row.querySelector('[part~="choice-name"]')!.textContent).toBe(shown);
    expect(shadow(element).querySelectorAll('img, script, b')).toHaveLength(0);
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
    element.remove();
  });

  it('a flavor id with markup', async () => {
    const element = await mount(emulator);
    await pickServer(element, SERVERS.kvmStopped);
    const xss = '<b id="flavor-markup">s3.large.2</b>';
    expect(targetRow(element, xss).querySelector('[part~="choice-name"]')!.textContent).toBe(xss);
    pickTarget(element, xss);
    expect(part(element, 'resize-button').textContent).toBe(`Resize to ${xss}`);
    expect(shadow(element).querySelectorAll('b, #flavor-markup')).toHaveLength(0);
    element.remove();
  });
});

describe('<ecs-resize-console> stays bounded with thousands of servers and flavors', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    const data = fleetData(2500);
    const base = data.flavors.find((flavor) => flavor.id === 's3.xlarge.2')!;
    const many = Array.from({ length: 2000 }, (_, index) => ({
      ...base,
      id: `x${index}.large.2`,
      name: `x${index}.large.2`,
      resizeTo: [],
    }));
    data.flavors.push(...many);
    for (const flavor of data.flavors) if (flavor.id === 's3.large.2') flavor.resizeTo.push(...many.map((flavor) => flavor.id));
    emulator = await emulatorFor(data);
  });
  afterAll(() => emulator.close());

  it('renders at most the limit of each list, says how many, and the filter reaches any one', async () => {
    const element = await mount(emulator);
    const servers = () => shadow(element).querySelectorAll<HTMLInputElement>('input[name="server"]');
    expect(servers()).toHaveLength(CONSOLE_LIST_LIMIT);
    expect(part(element, 'server-note').textContent).toBe(
      `Showing ${CONSOLE_LIST_LIMIT} of 2500: type in the filter to narrow them.`,
    );
    const last = [...emulator.state.servers.values()].filter((server) => server.flavorId === 's3.large.2').at(-1)!;
    const filter = part<HTMLInputElement>(element, 'server-filter');
    expect(filter.closest('label')!.hidden).toBe(false);
    filter.value = last.name;
    filter.dispatchEvent(new Event('input'));
    expect([...servers()].map((box) => box.value)).toEqual([last.id]);
    filter.value = 'no such server';
    filter.dispatchEvent(new Event('input'));
    expect(servers()).toHaveLength(0);
    expect(part(element, 'server-note').textContent).toBe('Nothing matches the filter.');
    filter.value = last.name;
    filter.dispatchEvent(new Event('input'));
    const checked = nextEvent<{ targets: unknown[] }>(element, 'targets');
    servers()[0]!.click();
    expect((await checked).detail.targets.length).toBeGreaterThan(2000);
    expect(shadow(element).querySelectorAll('input[name="target"]')).toHaveLength(CONSOLE_LIST_LIMIT);
    expect(part(element, 'target-note').textContent).toMatch(new RegExp(`^Showing ${CONSOLE_LIST_LIMIT} of 20\\d\\d:`));
    element.remove();
  });
});
