// @vitest-environment happy-dom
import { DEFAULT_PROJECT_ID, DEFAULT_TOKEN, SERVERS, startEmulator, type Emulator } from '@ecs-resize/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEcsClient, createRuleEngine, defineResizeCheckElement, type ResizeCheckElement } from '../src/index.js';

/** Waits for the next event of `type` on `target`. */
function nextEvent<T = unknown>(target: EventTarget, type: string): Promise<CustomEvent<T>> {
  return new Promise((resolve) => target.addEventListener(type, (event) => resolve(event as CustomEvent<T>), { once: true }));
}

describe('<ecs-resize-check>', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    // The page's origin calls the emulator cross-origin, so the emulator answers CORS for it.
    emulator = await startEmulator({ jobDurationMs: 60, cors: { origins: [window.location.origin] } });
  });
  afterAll(() => emulator.close());

  /** A connected element for a resize, with a client of the emulator and the recommended rules. */
  function mount(serverId: string, flavorRef: string, mode?: string): ResizeCheckElement {
    defineResizeCheckElement();
    const element = document.createElement('ecs-resize-check') as ResizeCheckElement;
    element.setAttribute('server-id', serverId);
    element.setAttribute('flavor-ref', flavorRef);
    if (mode) element.setAttribute('mode', mode);
    element.client = createEcsClient({ endpoint: emulator.url, projectId: DEFAULT_PROJECT_ID, auth: { token: DEFAULT_TOKEN } });
    element.engine = createRuleEngine();
    element.waitOptions = { interval: 10, maxInterval: 20 };
    document.body.append(element);
    return element;
  }

  it('registers nothing on import, once on request', () => {
    expect(customElements.get('ecs-check-test')).toBeUndefined();
    const first = defineResizeCheckElement('ecs-check-test');
    expect(customElements.get('ecs-check-test')).toBe(first);
    expect(defineResizeCheckElement('ecs-check-test')).toBe(first);
  });

  it('a blocked resize: the report is an alert and Resize stays disabled', async () => {
    const element = mount(SERVERS.kvmRunning, 's3.xlarge.2');
    const { detail } = await nextEvent<{ report: { ok: boolean } }>(element, 'preflight');
    expect(detail.report.ok).toBe(false);
    expect(element.querySelector('[role="alert"]')?.textContent).toMatch(/ACTIVE/);
    expect(element.querySelector('button')!.disabled).toBe(true);
    element.remove();
  });

  it('asks for the driver confirmation a rule needs, and checks again when it is given', async () => {
    const element = mount(SERVERS.xenDrivers, 's3.large.2');
    const first = await nextEvent<{ report: { ok: boolean } }>(element, 'preflight');
    expect(first.detail.report.ok).toBe(false);
    const box = element.querySelector<HTMLInputElement>('input[name="xenToKvmDrivers"]')!;
    expect(box.parentElement!.hidden).toBe(false);
    expect(element.querySelector<HTMLInputElement>('input[name="h1Drivers"]')!.parentElement!.hidden).toBe(true);
    const again = nextEvent<{ report: { ok: boolean }; facts: { confirmations?: object } }>(element, 'preflight');
    box.click();
    const second = await again;
    expect(second.detail.facts.confirmations).toEqual({ xenToKvmDrivers: true });
    expect(second.detail.report.ok).toBe(true);
    expect(element.querySelector('button')!.disabled).toBe(false);
    element.remove();
  });

  it('an allowed resize: Resize is enabled; clicking it sends the resize, shows progress, ends done', async () => {
    const element = mount(SERVERS.kvmStopped, 's3.xlarge.2');
    await nextEvent(element, 'preflight');
    const button = element.querySelector('button')!;
    expect(button.disabled).toBe(false);
    const events: string[] = [];
    for (const type of ['resize-start', 'progress']) element.addEventListener(type, () => events.push(type));
    const done = nextEvent<{ job: { status: string } }>(element, 'done');
    button.click();
    expect((await done).detail.job.status).toBe('SUCCESS');
    expect(events[0]).toBe('resize-start');
    expect(events).toContain('progress');
    expect(element.querySelector('[role="status"][aria-live]')?.textContent).toMatch(/Resized to s3\.xlarge\.2/);
    expect(emulator.state.servers.get(SERVERS.kvmStopped)!.flavorId).toBe('s3.xlarge.2');
    element.remove();
  });

  it('sends one resize, however often Resize is asked for while one is in flight', async () => {
    const element = mount(SERVERS.kvmScsi, 'c6.xlarge.2');
    await nextEvent(element, 'preflight');
    const posts = emulator.state.countRequests('resize');
    const [first, second] = await Promise.all([element.resize(), element.resize()]);
    expect(emulator.state.countRequests('resize') - posts).toBe(1);
    expect(first?.status).toBe('SUCCESS');
    expect(second).toBeUndefined();
    expect(emulator.state.resizeJobs.filter((job) => job.serverId === SERVERS.kvmScsi)).toHaveLength(1);
    expect(element.querySelector('button')!.disabled).toBe(true);
    element.remove();
  });

  it('reports a failed check as an error event and message', async () => {
    defineResizeCheckElement();
    const element = document.createElement('ecs-resize-check') as ResizeCheckElement;
    element.setAttribute('server-id', 'bad/id');
    element.setAttribute('flavor-ref', 's3.xlarge.2');
    element.client = createEcsClient({ endpoint: emulator.url, projectId: DEFAULT_PROJECT_ID });
    element.engine = createRuleEngine();
    const failed = nextEvent<{ error: Error }>(element, 'error');
    document.body.append(element);
    expect((await failed).detail.error.name).toBe('EcsInputError');
    expect(element.querySelector('p[role="status"]')?.textContent).toMatch(/serverId/);
    element.remove();
  });
});
