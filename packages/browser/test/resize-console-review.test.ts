// @vitest-environment happy-dom
import { DEFAULT_PROJECT_ID, DEFAULT_TOKEN, startEmulator, type Emulator } from '@ecs-resize/emulator';
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
