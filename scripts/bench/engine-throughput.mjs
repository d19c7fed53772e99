// Engine throughput: 10,000 varied facts through the recommended config against a hand-written
// function making the same decisions, in one run, side by side: the engine validating the
// facts (facts from outside), the engine on trusted facts (as collectFacts gives them), the
// facts validation alone, and the hand-written function.
import { createRuleEngine, ResizeFactsSchema } from '@ecs-resize/rules';
import { safeParse } from 'valibot';
import { handWrittenChecks } from './hand-written-checks.mjs';
import { syntheticFacts } from './synthetic-facts.mjs';

/** Runs each over the same facts (after a warm-up that checks they agree); returns rates and ratios of median rounds. */
export async function measureEngineThroughput({ count = 10_000, rounds = 9 } = {}) {
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
  // Each round times the four in turn, in this process's CPU time (other processes on a busy
  // machine do not count), and the median round of each is taken.
  const runs = {
    validated: async () => {
      for (const item of facts) await engine.check(item);
    },
    trusted: async () => {
      for (const item of facts) await engine.check(item, { trusted: true });
    },
    validation: () => {
      for (const item of facts) safeParse(ResizeFactsSchema, item);
    },
    hand: () => {
      for (const item of facts) handWrittenChecks(item);
    },
  };
  const times = { validated: [], trusted: [], validation: [], hand: [] };
  for (let round = 0; round < rounds; round += 1) {
    for (const [kind, run] of Object.entries(runs)) {
      const started = process.cpuUsage();
      await run();
      const used = process.cpuUsage(started);
      times[kind].push((used.user + used.system) / 1000);
    }
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const ms = Object.fromEntries(Object.entries(times).map(([kind, values]) => [kind, median(values)]));
  const perSecond = (time) => (count / time) * 1000;
  return {
    count,
    rounds,
    engineChecksPerSecond: perSecond(ms.validated),
    trustedChecksPerSecond: perSecond(ms.trusted),
    validationChecksPerSecond: perSecond(ms.validation),
    handChecksPerSecond: perSecond(ms.hand),
    ratio: ms.validated / ms.hand,
    trustedRatio: ms.trusted / ms.hand,
    validationRatio: ms.validation / ms.hand,
  };
}
