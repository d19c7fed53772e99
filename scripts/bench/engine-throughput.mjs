// Engine throughput: 10,000 varied facts through the recommended config (facts validation
// included) against a hand-written function making the same decisions, in one run.
import { createRuleEngine, ResizeFactsSchema } from '@ecs-resize/rules';
import { safeParse } from 'valibot';
import { handWrittenChecks } from './hand-written-checks.mjs';
import { syntheticFacts } from './synthetic-facts.mjs';

/** Runs both over the same facts (after a warm-up); checks they agree; returns times and ratio. */
export async function measureEngineThroughput({ count = 10_000, rounds = 5 } = {}) {
  const facts = syntheticFacts(count);
  const engine = createRuleEngine();
  const decisionsOf = (report) => report.findings.map((finding) => `${finding.ruleId}:${finding.messageId}`);
  for (const item of facts) {
    const engineDecisions = decisionsOf(await engine.check(item)).join();
    if (engineDecisions !== handWrittenChecks(item).join()) {
      throw new Error(`the engine and the hand-written checks disagree on ${JSON.stringify(item)}`);
    }
  }
  let engineMs = 0;
  let validationMs = 0;
  let handMs = 0;
  for (let round = 0; round < rounds; round += 1) {
    let started = performance.now();
    for (const item of facts) await engine.check(item);
    engineMs += performance.now() - started;
    started = performance.now();
    for (const item of facts) safeParse(ResizeFactsSchema, item);
    validationMs += performance.now() - started;
    started = performance.now();
    for (const item of facts) handWrittenChecks(item);
    handMs += performance.now() - started;
  }
  const perSecond = (ms) => ((count * rounds) / ms) * 1000;
  return {
    count,
    engineChecksPerSecond: perSecond(engineMs),
    validationChecksPerSecond: perSecond(validationMs),
    handChecksPerSecond: perSecond(handMs),
    ratio: engineMs / handMs,
  };
}
