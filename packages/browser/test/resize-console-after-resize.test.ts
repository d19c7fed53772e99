// @vitest-environment happy-dom
import { DEFAULT_PROJECT_ID, DEFAULT_TOKEN, SERVERS, startEmulator, type Emulator, type Fault } from '@ecs-resize/emulator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEcsConnection, createRuleEngine, defineResizeConsoleElement, type ResizeConsoleElement } from '../src/index.js';

/** Waits for the next event of `type` on `target`. */
const nextEvent = (target: EventTarget, type: string): Promise<Event> =>
  new Promise((resolve) => target.addEventListener(type, resolve, { once: true }));

/** The part named `name` inside the element. */
function part<T extends HTMLElement = HTMLElement>(element: ResizeConsoleElement, name: string): T {
  const found = element.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
  if (!found) throw new Error(`no part ${name}`);
  return found;
}

/** The radio of `value` in the `server` or `target` list, when it is shown. */
const radio = (element: ResizeConsoleElement, list: 'server' | 'target', value: string) =>
  [...element.shadowRoot!.querySelectorAll<HTMLInputElement>(`input[name="${list}"]`)].find((box) => box.value === value);

/** Whether the Resize button is disabled. */
const resizeDisabled = (element: ResizeConsoleElement) => part<HTMLButtonElement>(element, 'resize-button').disabled;

/** Picks `serverId` and waits for its targets' check. */
async function pickServer(element: ResizeConsoleElement, serverId: string): Promise<void> {
  const checked = nextEvent(element, 'targets');
  radio(element, 'server', serverId)!.click();
  await checked;
}

/** A console on `emulator` with the stopped KVM server picked and checked, and two flavors it may change to. */
async function mountOnStoppedServer(emulator: Emulator): Promise<{ element: ResizeConsoleElement; allowed: string[] }> {
  defineResizeConsoleElement();
  const element = document.createElement('ecs-resize-console') as ResizeConsoleElement;
  element.client = createEcsConnection({ endpoint: emulator.url, projectId: DEFAULT_PROJECT_ID, auth: { token: DEFAULT_TOKEN } });
  element.engine = createRuleEngine();
  element.waitOptions = { interval: 10, maxInterval: 20 };
  const listed = nextEvent(element, 'servers');
  document.body.append(element);
  await listed;
  await pickServer(element, SERVERS.kvmStopped);
  const allowed = element.targets!.filter((target) => target.report.ok).map((target) => target.flavorRef);
  expect(allowed.length).toBeGreaterThanOrEqual(2);
  return { element, allowed };
}

/** The two ways to ask for a resize. */
const ASKS = [
  { ask: 'a click', send: (element: ResizeConsoleElement) => part(element, 'resize-button').click() },
  { ask: 'a call of resize()', send: (element: ResizeConsoleElement) => void element.resize() },
];

/** A new emulator for each test: a resize changes its server. */
const emulatorFor = () => startEmulator({ jobDurationMs: 60, cors: { origins: [window.location.origin] } });

describe.each([
  { outcome: 'a resize that succeeded', fault: undefined, ends: 'done' },
  { outcome: 'a resize the API refused (400)', fault: { route: 'resize', kind: 'error', status: 400, times: 1 }, ends: 'error' },
] satisfies Array<{ outcome: string; fault: Fault | undefined; ends: string }>)(
  '<ecs-resize-console> right after $outcome allows nothing until its server is checked again',
  ({ fault, ends }) => {
    let emulator: Emulator;
    beforeEach(async () => {
      emulator = await emulatorFor();
    });
    afterEach(() => emulator.close());

    it.each(ASKS)('another flavor picked, then $ask: nothing sent', async ({ send }) => {
      const { element, allowed } = await mountOnStoppedServer(emulator);
      const [first, other] = allowed as [string, string];
      radio(element, 'target', first)!.click();
      if (fault) emulator.faults.push(fault);
      const posts = emulator.state.countRequests('resize');
      const ended = nextEvent(element, ends);
      part(element, 'resize-button').click();
      await ended;
      const rechecked = nextEvent(element, 'targets');
      radio(element, 'target', other)?.click();
      expect(resizeDisabled(element)).toBe(true);
      send(element);
      expect(await element.resize()).toBeUndefined();
      await rechecked;
      expect(emulator.state.countRequests('resize') - posts).toBe(1);
      element.remove();
    });
  },
);

/** Resets the resize POST once it is received, before it is processed: the client cannot tell it was not. */
const RESET_ON_RECEIPT: Fault = { route: 'resize', kind: 'reset', times: 1 };

describe('<ecs-resize-console> after a resize whose outcome is unknown keeps Resize disabled for that server', () => {
  let emulator: Emulator;
  beforeEach(async () => {
    emulator = await emulatorFor();
  });
  afterEach(() => emulator.close());

  /** A console whose resize to an allowed flavor of the stopped server was reset, once the server is checked again. */
  async function afterUncertainResize() {
    const { element, allowed } = await mountOnStoppedServer(emulator);
    radio(element, 'target', allowed[0]!)!.click();
    emulator.faults.push(RESET_ON_RECEIPT);
    const failed = nextEvent(element, 'error');
    const rechecked = new Promise((resolve) => void failed.then(() => resolve(nextEvent(element, 'targets'))));
    part(element, 'resize-button').click();
    expect(((await failed) as CustomEvent<{ error: Error }>).detail.error.name).toBe('EcsNetworkError');
    await rechecked;
    return { element, allowed, posts: emulator.state.countRequests('resize') };
  }

  it.each([
    ...ASKS.map(({ ask, send }) => ({ name: `the same flavor, then ${ask}`, before: async () => {}, send })),
    {
      name: 'another allowed flavor picked, then a click',
      before: async (element: ResizeConsoleElement, allowed: string[]) => radio(element, 'target', allowed[1]!)!.click(),
      send: ASKS[0]!.send,
    },
    {
      name: 'a confirmation given (which checks again), then a call',
      before: async (element: ResizeConsoleElement) => {
        const rechecked = nextEvent(element, 'targets');
        element.shadowRoot!.querySelector<HTMLInputElement>('[part~="confirmations"] input')!.click();
        await rechecked;
      },
      send: ASKS[1]!.send,
    },
    {
      name: 'another server picked, then this one again, then a call',
      before: async (element: ResizeConsoleElement, allowed: string[]) => {
        await pickServer(element, SERVERS.kvmRunning);
        await pickServer(element, SERVERS.kvmStopped);
        radio(element, 'target', allowed[0]!)!.click();
      },
      send: ASKS[1]!.send,
    },
  ])('$name: nothing sent, and the status says why', async ({ before, send }) => {
    const { element, allowed, posts } = await afterUncertainResize();
    await before(element, allowed);
    expect(element.targets!.find((target) => target.flavorRef === element.flavorRef)?.report.ok).toBe(true);
    expect(resizeDisabled(element)).toBe(true);
    send(element);
    expect(await element.resize()).toBeUndefined();
    expect(emulator.state.countRequests('resize')).toBe(posts);
    expect(part(element, 'status').textContent).toMatch(/may have .*check the server and its jobs.*Check again/i);
    element.remove();
  });

  it('a reset after the resize was processed: the next check shows the server changed, so its rules judge it', async () => {
    const { element, allowed } = await mountOnStoppedServer(emulator);
    radio(element, 'target', allowed[0]!)!.click();
    emulator.faults.push({ ...RESET_ON_RECEIPT, phase: 'after' });
    const failed = nextEvent(element, 'error');
    const rechecked = new Promise((resolve) => void failed.then(() => resolve(nextEvent(element, 'targets'))));
    part(element, 'resize-button').click();
    await rechecked;
    const { status, flavor } = element.targets![0]!.facts.server;
    expect([status, flavor.id]).not.toEqual(['SHUTOFF', 's3.large.2']);
    expect(part(element, 'status').textContent).toBe('');
    element.remove();
  });

  it('Check again re-reads the server and allows it again', async () => {
    const { element, posts } = await afterUncertainResize();
    const rechecked = nextEvent(element, 'targets');
    part(element, 'check-button').click();
    await rechecked;
    expect(resizeDisabled(element)).toBe(false);
    expect(part(element, 'status').textContent).toBe('');
    const done = nextEvent(element, 'done');
    part(element, 'resize-button').click();
    await done;
    expect(emulator.state.countRequests('resize')).toBe(posts + 1);
    await nextEvent(element, 'targets');
    element.remove();
  });
});
