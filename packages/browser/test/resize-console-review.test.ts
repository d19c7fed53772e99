// @vitest-environment happy-dom
import { DEFAULT_PROJECT_ID, DEFAULT_TOKEN, SERVERS, startEmulator, type Emulator } from '@ecs-resize/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEcsConnection, createRuleEngine, defineResizeConsoleElement, type ResizeConsoleElement } from '../src/index.js';

/** The part named `name` inside the element. */
function part<T extends HTMLElement = HTMLElement>(element: ResizeConsoleElement, name: string): T {
  const found = element.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
  if (!found) throw new Error(`no part ${name}`);
  return found;
}

/** A console on `emulator`, connected, once its servers are listed: nothing picked yet. */
async function mountUnpicked(emulator: Emulator): Promise<ResizeConsoleElement> {
  defineResizeConsoleElement();
  const element = document.createElement('ecs-resize-console') as ResizeConsoleElement;
  element.client = createEcsConnection({ endpoint: emulator.url, projectId: DEFAULT_PROJECT_ID, auth: { token: DEFAULT_TOKEN } });
  element.engine = createRuleEngine();
  const listed = new Promise((resolve) => element.addEventListener('servers', resolve, { once: true }));
  document.body.append(element);
  await listed;
  return element;
}

describe('<ecs-resize-console> before a server is picked offers nothing to press', () => {
  let emulator: Emulator;
  let element: ResizeConsoleElement;
  beforeAll(async () => {
    emulator = await startEmulator({ cors: { origins: [window.location.origin] } });
    element = await mountUnpicked(emulator);
  });
  afterAll(async () => {
    element.remove();
    await emulator.close();
  });

  it.each([
    { name: 'Resize is disabled', state: () => part<HTMLButtonElement>(element, 'resize-button').disabled, expected: true },
    { name: 'Check again is disabled', state: () => part<HTMLButtonElement>(element, 'check-button').disabled, expected: true },
    { name: 'no empty confirmation box is shown', state: () => part(element, 'confirmations').hidden, expected: true },
    { name: 'the stop-and-start option is hidden', state: () => part(element, 'stop').closest('label')!.hidden, expected: true },
    { name: 'the pay-at-once option is hidden', state: () => part(element, 'pay').closest('label')!.hidden, expected: true },
  ])('$name', ({ state, expected }) => {
    expect(state()).toBe(expected);
  });
});

/** Waits for the next event of `type` on `target`. */
const nextEvent = (target: EventTarget, type: string) =>
  new Promise((resolve) => target.addEventListener(type, resolve, { once: true }));

describe('<ecs-resize-console> after a check that failed shows no verdict of the one before', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ cors: { origins: [window.location.origin] } });
  });
  afterAll(() => emulator.close());

  it('a ready target, then Check again fails: Resize disabled, no "Ready to resize", the failure shown', async () => {
    const element = await mountUnpicked(emulator);
    const checked = nextEvent(element, 'targets');
    element.shadowRoot!.querySelector<HTMLInputElement>(`input[name="server"][value="${SERVERS.kvmStopped}"]`)!.click();
    await checked;
    element.shadowRoot!.querySelector<HTMLInputElement>('input[name="target"][value="s3.xlarge.2"]')!.click();
    expect([part<HTMLButtonElement>(element, 'resize-button').disabled, part(element, 'report').textContent]).toEqual([
      false,
      expect.stringMatching(/^Ready to resize/),
    ]);
    emulator.faults.push({ route: 'getServer', kind: 'error', status: 400 });
    const failed = nextEvent(element, 'error');
    part(element, 'check-button').click();
    await failed;
    expect(part<HTMLButtonElement>(element, 'resize-button').disabled).toBe(true);
    expect(part(element, 'report').textContent).toBe('');
    expect(part(element, 'error').textContent).not.toBe('');
    emulator.faults.length = 0;
    const rechecked = nextEvent(element, 'targets');
    part(element, 'check-button').click();
    await rechecked;
    expect(part<HTMLButtonElement>(element, 'resize-button').disabled).toBe(false);
    element.remove();
  });
});
