/**
 * The built-in rules speak plain words: their messages are read by the CLI, by consoles, by
 * `--json` consumers and by other tools, so they state the fact and what the operator should
 * do, never an API field, an extra spec or a library name. How to confirm is each tool's own
 * line (`--confirm <name>`, a checkbox with the label), derived from `meta.confirmation`.
 */
import { describe, expect, it } from 'vitest';
import { PLACEHOLDER, formatMessage } from '../src/engine/format-message.js';
import { createRuleEngine, defineRule, type ResizeFacts } from '../src/index.js';
import { builtInRules } from '../src/rules/index.js';
import { LIBRARY_IDENTIFIER, buildFacts } from '../src/testing/index.js';
import { disks } from './helpers.js';

/** A sample value for each placeholder a built-in message has: what the rules pass. */
const SAMPLE_DATA: Readonly<Record<string, string | number>> = {
  serverId: '6f1b3c2a-0d4e-4b7a-9c11-2a5e8f000001',
  hostId: '459a2b9d-804a-4745-ab19-a113bb1b4ddc',
  from: 's1.large',
  to: 's3.xlarge.2',
  fromGeneration: 'S1',
  generation: 'H2',
  fromFamily: 'G6',
  toFamily: 'S3',
  fromArchitecture: 'x86',
  toArchitecture: 'arm',
  status: 'ACTIVE',
  vmState: 'resized',
  taskState: 'powering-on',
  saleStatus: 'unknown',
  allowed: 's3.xlarge.2, c6.large.2',
  unknown: 's3.xlarge.2',
  diskId: 'vbd-3',
  count: 25,
  excess: 1,
  nicCount: 6,
  maxNics: 4,
};

/** Every message template of the built-in rules, as `[ruleId/messageId, template]`. */
const templates = Object.entries(builtInRules).flatMap(([id, rule]) =>
  Object.entries(rule.meta.messages).map(([messageId, template]) => [`${id}/${messageId}`, template] as const),
);

/** Facts that make the built-in rules report most of what they can: wrong and unknown facts. */
const FACTS: Readonly<Record<string, ResizeFacts>> = {
  'only the facts a seed has': {
    server: { id: SAMPLE_DATA.serverId as string, status: 'ACTIVE', flavor: { id: 's1.large' }, disks: [] },
    target: { id: 's3.xlarge.2' },
  },
  'everything wrong': buildFacts({
    server: {
      status: 'ACTIVE',
      frozen: true,
      locked: true,
      chargingMode: 'spot',
      nicCount: 6,
      dedicatedHostId: 'host-1',
      disks: [...disks(25), { id: 'grow', type: 'VBD', status: 'extending' }],
      flavor: { generation: 'g6', virtualization: 'xen', performanceType: 'gpu', architecture: 'x86' },
    },
    target: { id: 'k1.large', generation: 'kc1', architecture: 'arm', saleStatus: 'sellout', maxNics: 2 },
    allowedTargets: [],
  }),
  'unknown facts': buildFacts({
    server: { taskState: undefined, frozen: undefined, locked: undefined, chargingMode: undefined, nicCount: 3 },
    target: { virtualization: undefined, generation: undefined, architecture: undefined, saleStatus: 'obt', maxNics: undefined },
    allowedTargets: undefined,
  }),
  'a yearly/monthly server, its order left unpaid': buildFacts({ server: { chargingMode: 'prePaid' }, autoPay: false }),
  'an old generation going to H1': buildFacts({
    server: { flavor: { generation: 's1', virtualization: 'xen', localDisks: undefined, performanceType: undefined } },
    target: { id: 'h1.large.2', generation: 'h1', virtualization: 'xen' },
    allowedTargets: ['h1.large.2'],
  }),
  'a target flavor that does not exist': buildFacts({ target: { id: 'nosuch.flavor', exists: false } }),
};

describe('the identifier check', () => {
  it.each([
    'Install them, then confirm with confirmations.xenToKvmDrivers = true.',
    'Look it up with listResizeFlavors (resize_flavors).',
    'Run collectFacts() again.',
    'Check projectId.',
    "Resize with mode 'withStopServer'.",
    "Look up the flavors' ecs:generation.",
    'Read OS-EXT-STS:task_state of the server.',
    'Raise `timeout` if the API is slow.',
  ])('finds the identifier in %j', (message) => {
    expect(message).toMatch(LIBRARY_IDENTIFIER);
  });

  it.each([
    'Server 6f1b3c2a-0d4e-4b7a-9c11-2a5e8f000001 is ACTIVE; it must be stopped (SHUTOFF) to be resized.',
    'Changing Xen (s1.large) to KVM (s3.xlarge.2) needs the xen-pv and virtio drivers, or PV driver and UVP VMTools.',
    'Flavor nosuch.flavor does not exist in this region.',
  ])('lets the plain sentence %j pass', (message) => {
    expect(message).not.toMatch(LIBRARY_IDENTIFIER);
  });
});

describe('built-in rule messages name no API field or library identifier', () => {
  it.each(templates)('%s, rendered with sample data', (_id, template) => {
    const placeholders = [...template.matchAll(PLACEHOLDER)].map(([, name]) => name!);
    expect(placeholders.filter((name) => !Object.hasOwn(SAMPLE_DATA, name))).toEqual([]);
    const message = formatMessage(template, SAMPLE_DATA);
    expect(message).not.toMatch(PLACEHOLDER);
    expect(message).not.toMatch(LIBRARY_IDENTIFIER);
  });

  it.each(Object.entries(builtInRules))('%s: its description and confirmation label too', (_id, rule) => {
    expect(rule.meta.docs.description).not.toMatch(LIBRARY_IDENTIFIER);
    expect(rule.meta.confirmation?.label ?? '').not.toMatch(LIBRARY_IDENTIFIER);
  });

  it.each(Object.entries(FACTS))('what the rules report on %s', async (_name, facts) => {
    const report = await createRuleEngine().check(facts);
    expect(report.findings.length).toBeGreaterThan(0);
    for (const finding of report.findings) expect(`${finding.ruleId}: ${finding.message}`).not.toMatch(LIBRARY_IDENTIFIER);
  });

  it("the engine's own finding for a broken rule", async () => {
    const docs = { description: 'x', url: 'https://example.com/x', recommended: false };
    const meta = { type: 'problem' as const, docs, messages: { a: 'A. B.' } };
    const rules = {
      'acme/throws': defineRule({
        meta,
        check: () => {
          throw new Error('boom');
        },
      }),
      'acme/no-list': defineRule({ meta, check: () => ({ messageId: 'a' }) as never }),
      'acme/undeclared': defineRule({ meta, check: () => [{ messageId: 'b' } as never] }),
    };
    const config = { rules: { 'acme/throws': 'error', 'acme/no-list': 'error', 'acme/undeclared': 'error' } } as const;
    const report = await createRuleEngine({ rules, config }).check(buildFacts());
    expect(report.findings.map((finding) => finding.messageId)).toEqual(['ruleFailed', 'ruleFailed', 'ruleFailed']);
    for (const finding of report.findings) expect(finding.message).not.toMatch(LIBRARY_IDENTIFIER);
  });
});
