/**
 * A target flavor the region does not have is one clear finding for every tool: the facts say
 * `target.exists: false` (no flavor listing has it), and `target-allowed` reports it once while
 * the rules that need the target's details stay silent. Over real HTTP against the emulator,
 * for every seeded server; no resize is sent.
 */
import { defaultData } from '@ecs-resize/emulator';
import { createRuleEngine } from '@ecs-resize/rules';
import { describe, expect, it } from 'vitest';
import { check, checkTargets } from '../src/index.js';
import { clientOf, useEmulator } from './helpers.js';

const engine = createRuleEngine();
const data = defaultData();

/** The built-in rules that look at the target's details (virtualization, generation, sale, NICs). */
const TARGET_DETAIL_RULES = [
  'target-on-sale',
  'no-kvm-to-xen',
  'xen-vbd-limit',
  'xen-to-kvm-drivers',
  'h1-drivers',
  'same-family',
  'same-architecture',
  'nic-limit',
];

describe('check to a flavor that does not exist', () => {
  const emulator = useEmulator();

  it.each(data.servers.map((server) => [server.name, server.id] as const))(
    '%s: one target-allowed unknownFlavor, nothing from the rules on the target, nothing sent',
    async (_name, serverId) => {
      const ecs = clientOf(emulator());
      const { facts, report } = await check(ecs, serverId, 'nosuch.flavor', { preflight: engine });
      expect(facts.target).toEqual({ id: 'nosuch.flavor', exists: false });
      const unknown = report.findings.filter((finding) => finding.ruleId === 'target-allowed');
      expect(unknown.map(({ messageId, severity }) => ({ messageId, severity }))).toEqual([
        { messageId: 'unknownFlavor', severity: 'error' },
      ]);
      expect(unknown[0]!.message).toContain('Flavor nosuch.flavor does not exist in this region.');
      expect(report.findings.filter((finding) => TARGET_DETAIL_RULES.includes(finding.ruleId))).toEqual([]);
      expect(emulator().state.countRequests('resize')).toBe(0);
    },
  );

  it('every flavor the region lists exists: no candidate of checkTargets (unlisted too) is unknown', async () => {
    const ecs = clientOf(emulator());
    const targets = await checkTargets(ecs, data.servers[0]!.id, { preflight: engine, unlisted: true });
    expect(targets.length).toBeGreaterThan(0);
    for (const { report } of targets) expect(report.findings.map((finding) => finding.messageId)).not.toContain('unknownFlavor');
  });

  it.each(data.flavors.map((flavor) => flavor.id))('listed flavor %s: the facts do not say it is missing', async (flavorRef) => {
    const { facts } = await check(clientOf(emulator()), data.servers[0]!.id, flavorRef, { preflight: engine });
    expect(facts.target.exists).toBeUndefined();
  });
});
