// Engine throughput: 10,000 varied facts through the recommended config against a hand-written
// function making the same decisions, in one run, side by side: the engine validating the
// facts (facts from outside), the engine on trusted facts (as collectFacts gives them), the
// facts validation alone, and the hand-written function.
import { createRuleEngine, ResizeFactsSchema } from '@ecs-resize/rules';
import { safeParse } from 'valibot';
import { handWrittenChecks } from './hand-written-checks.mjs';
import { syntheticFacts } from './synthetic-facts.mjs';

/** Runs each over the same facts (after a warm-up); checks they agree; returns rates and ratios. */
export async function measureEngineThroughput({ count = 10_000, rounds = 5 } = {}) {
  const facts = syntheticFacts(count);
  const engine = createRuleEngine();
  const decisionsOf = (report) => report.findings.map((finding) => `${finding.ruleId}:${finding.messageId}`).join();
  for (const item of facts) {
    const expected = handWrittenChecks(item).join();
    const validated = decisionsOf(await engine.check(item));
    const trusted = decisionsOf(await engine.check(item, { trusted: true }));
    if (validated !== expected || trusted !== expected) {
      throw new Error(`the engine and the hand-written checks disagree on ${JSON.stringify(item)}`);
    }
  }
  const ms = { validated: 0, trusted: 0, validation: 0, hand: 0 };
  for (let round = 0; round < rounds; round += 1) {
    let started = performance.now();
    for (const item of facts) await engine.check(item);
    ms.validated += performance.now() - started;
    started = performance.now();
    for (const item of facts) await engine.check(item, { trusted: true });
    ms.trusted += performance.now() - started;
    started = performance.now();
    for (const item of facts) safeParse(ResizeFactsSchema, item);
    ms.validation += performance.now() - started;
    started = performance.now();
    for (const item of facts) handWrittenChecks(item);
    ms.hand += performance.now() - started;
  }
  const perSecond = (time) => ((count * rounds) / time) * 1000;
  return {
    count,
    engineChecksPerSecond: perSecond(ms.validated),
    trustedChecksPerSecond: perSecond(ms.trusted),
    validationChecksPerSecond: perSecond(ms.validation),
    handChecksPerSecond: perSecond(ms.hand),
    ratio: ms.validated / ms.hand,
    trustedRatio: ms.trusted / ms.hand,
    validationRatio: ms.validation / ms.hand,
  };
}
