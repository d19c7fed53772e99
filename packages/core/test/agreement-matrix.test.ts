import { defaultData, startEmulator, type EmulatorServer } from '@ecs-resize/emulator';
import { createRuleEngine } from '@ecs-resize/rules';
import { describe, expect, it } from 'vitest';
import type { CollectFactsOptions, ResizeOptions } from '../src/index.js';
import { FAST_WAIT, clientOf } from './helpers.js';

/**
 * The agreement matrix: for every seeded server, every target flavor (plus one that does not
 * exist) and both modes, the recommended preflight must block exactly the resizes the
 * emulator refuses or fails later, and pass the ones that succeed. The operator confirms the
 * drivers the server really has.
 */
const data = defaultData();
const targets = [...data.flavors.map((flavor) => flavor.id), 'zz9.unknown.9'];
const modes = [undefined, 'withStopServer'] as const;
const cases = data.servers.flatMap((server) => targets.flatMap((target) => modes.map((mode) => ({ server, target, mode }))));

/** What happened to one resize sent without a preflight. */
async function outcomeOf(server: EmulatorServer, target: string, options: ResizeOptions): Promise<'succeeds' | string> {
  const emulator = await startEmulator({ jobDurationMs: 20 });
  try {
    const client = clientOf(emulator);
    const { jobId } = await client.resize(server.id, target, options);
    await client.waitForJob(jobId!, FAST_WAIT);
    return 'succeeds';
  } catch (error) {
    return `fails (${(error as { code?: string; errorCode?: string }).code ?? (error as { errorCode?: string }).errorCode ?? (error as Error).name})`;
  } finally {
    await emulator.close();
  }
}

/** What the preflight says of it, against a fresh emulator. */
async function verdictOf(server: EmulatorServer, target: string, options: CollectFactsOptions): Promise<string[]> {
  const emulator = await startEmulator();
  try {
    const facts = await clientOf(emulator).collectFacts(server.id, target, options);
    const report = await createRuleEngine().check(facts);
    return report.findings
      .filter((finding) => finding.severity === 'error')
      .map((finding) => `${finding.ruleId}:${finding.messageId}`);
  } finally {
    await emulator.close();
  }
}

describe('preflight agrees with the emulator', () => {
  it(`agreement matrix: ${data.servers.length} servers × ${targets.length} targets × ${modes.length} modes = ${cases.length} resizes`, async () => {
    const disagreements: string[] = [];
    let blocked = 0;
    const queue = [...cases];
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const { server, target, mode } = next;
        // Yearly/monthly servers resize through v1.1, which autoPay selects.
        const options = { ...(mode ? { mode } : {}), ...(server.metadata['charging_mode'] === '1' ? { autoPay: true } : {}) };
        const confirmations = { xenToKvmDrivers: server.drivers.xenToKvm, h1Drivers: server.drivers.h1 };
        const [errors, outcome] = await Promise.all([
          verdictOf(server, target, { ...(mode ? { mode } : {}), confirmations }),
          outcomeOf(server, target, options),
        ]);
        if (errors.length > 0) blocked += 1;
        if ((errors.length === 0) !== (outcome === 'succeeds')) {
          disagreements.push(
            `${server.name} → ${target} (${mode ?? 'no mode'}): preflight [${errors.join(', ') || 'ok'}], emulator ${outcome}`,
          );
        }
      }
    };
    await Promise.all(Array.from({ length: 6 }, worker));
    expect(disagreements).toEqual([]);
    // Both kinds occur: the matrix is not all-pass or all-block.
    expect(blocked).toBeGreaterThan(cases.length / 4);
    expect(blocked).toBeLessThan(cases.length);
  }, 120_000);
});
