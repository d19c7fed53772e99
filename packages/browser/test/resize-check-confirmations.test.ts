// @vitest-environment happy-dom
import { DEFAULT_PROJECT_ID, DEFAULT_TOKEN, SERVERS, startEmulator, type Emulator } from '@ecs-resize/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createEcsClient,
  createRuleEngine,
  defineResizeCheckElement,
  defineRule,
  isConfirmed,
  recommended,
  type Preflight,
  type ResizeCheckElement,
} from '../src/index.js';

/** Waits for the next event of `type` on `target`. */
function nextEvent<T = unknown>(target: EventTarget, type: string): Promise<CustomEvent<T>> {
  return new Promise((resolve) => target.addEventListener(type, (event) => resolve(event as CustomEvent<T>), { once: true }));
}

/** A plugin rule that asks the operator to attest a backup. */
const needsBackup = defineRule({
  meta: {
    type: 'problem',
    docs: { description: 'A backup is taken first.', url: 'https://example.com/needs-backup', recommended: false },
    confirmation: { key: 'backupTaken', name: 'backup-taken', label: 'A backup of the server was taken' },
    messages: { noBackup: 'No backup was confirmed. Take one, then confirm it.' },
  },
  check: (facts) => (isConfirmed(facts, 'backupTaken') ? [] : [{ messageId: 'noBackup' }]),
});

/** The engines, and the checkboxes each offers (by key) with the label the rule declares. */
const ENGINES: ReadonlyArray<{ name: string; engine: Preflight; boxes: Record<string, string> }> = [
  {
    name: 'the recommended rules',
    engine: createRuleEngine(),
    boxes: {
      xenToKvmDrivers: 'The KVM guest drivers are installed (xen-pv and virtio on Linux, PV driver and UVP VMTools on Windows).',
      h1Drivers: 'The driver H1 needs is installed in the guest.',
    },
  },
  {
    name: 'h1-drivers turned off',
    engine: createRuleEngine({ config: { rules: { ...recommended.rules, 'h1-drivers': 'off' } } }),
    boxes: {
      xenToKvmDrivers: 'The KVM guest drivers are installed (xen-pv and virtio on Linux, PV driver and UVP VMTools on Windows).',
    },
  },
  {
    name: 'a plugin rule with its own confirmation',
    engine: createRuleEngine({
      rules: { 'acme/needs-backup': needsBackup },
      config: { rules: { ...recommended.rules, 'acme/needs-backup': 'error' } },
    }),
    boxes: {
      xenToKvmDrivers: 'The KVM guest drivers are installed (xen-pv and virtio on Linux, PV driver and UVP VMTools on Windows).',
      h1Drivers: 'The driver H1 needs is installed in the guest.',
      backupTaken: 'A backup of the server was taken.',
    },
  },
  { name: 'a preflight that is not a rule engine', engine: { check: () => ({ ok: true, findings: [] }) }, boxes: {} },
];

describe('<ecs-resize-check> offers the confirmations of the active rules', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ jobDurationMs: 60, cors: { origins: [window.location.origin] } });
  });
  afterAll(() => emulator.close());

  /** A connected element checking a resize with `engine`. */
  function mount(engine: Preflight, serverId: string, flavorRef: string): ResizeCheckElement {
    defineResizeCheckElement();
    const element = document.createElement('ecs-resize-check') as ResizeCheckElement;
    element.setAttribute('server-id', serverId);
    element.setAttribute('flavor-ref', flavorRef);
    element.client = createEcsClient({ endpoint: emulator.url, projectId: DEFAULT_PROJECT_ID, auth: { token: DEFAULT_TOKEN } });
    element.engine = engine;
    document.body.append(element);
    return element;
  }

  it.each(ENGINES)('$name: one checkbox per confirmation, in the rule’s words', async ({ engine, boxes }) => {
    const element = mount(engine, SERVERS.kvmStopped, 's3.xlarge.2');
    await nextEvent(element, 'preflight');
    const offered = Object.fromEntries(
      [...element.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].map((box) => [
        box.name,
        box.parentElement!.textContent!.trim(),
      ]),
    );
    expect(offered).toEqual(boxes);
    element.remove();
  });

  it('a plugin’s confirmation: shown while its rule blocks, passed into the facts when ticked, then the resize may go', async () => {
    const element = mount(ENGINES[2]!.engine, SERVERS.kvmStopped, 's3.xlarge.2');
    const first = await nextEvent<{ report: { ok: boolean; findings: Array<{ ruleId: string }> } }>(element, 'preflight');
    expect(first.detail.report.findings.map((finding) => finding.ruleId)).toEqual(['acme/needs-backup']);
    const box = element.querySelector<HTMLInputElement>('input[name="backupTaken"]')!;
    expect(box.parentElement!.hidden).toBe(false);
    expect(element.querySelector<HTMLInputElement>('input[name="xenToKvmDrivers"]')!.parentElement!.hidden).toBe(true);
    const again = nextEvent<{ report: { ok: boolean }; facts: { confirmations?: object } }>(element, 'preflight');
    box.click();
    const second = await again;
    expect(second.detail.facts.confirmations).toEqual({ backupTaken: true });
    expect(second.detail.report.ok).toBe(true);
    expect(element.querySelector('button')!.disabled).toBe(false);
    element.remove();
  });
});
