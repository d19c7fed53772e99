// pnpm bench: every benchmark in one run, printed side by side with ratios and goals.
// Speed is measured here, never in timed tests. Record the results in BENCHMARKS.md.
import { measureBundles } from './bundle-size.mjs';
import { measureCliStartup } from './cli-startup.mjs';
import { formatClientOverhead, measureClientOverhead } from './client-overhead.mjs';
import { measureCollectFactsRequests } from './collect-facts-requests.mjs';
import { measureEngineThroughput } from './engine-throughput.mjs';
import { measureFleetPlanning } from './fleet-plan.mjs';
import { measureReferenceBundles } from './reference-bundles.mjs';
import { formatSigning, measureSigning } from './signing.mjs';

const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;

for (const line of formatClientOverhead(await measureClientOverhead())) console.log(line);

console.log('');
for (const line of formatSigning(await measureSigning())) console.log(line);

console.log('\nBrowser bundles (rollup + terser, gzip -9):');
for (const bundle of [...(await measureBundles()), ...(await measureReferenceBundles())]) {
  const goal = bundle.goal === undefined ? '' : `  (goal <= ${kb(bundle.goal)})`;
  console.log(`  ${bundle.name}: ${kb(bundle.minified)} min, ${kb(bundle.gzip)} gz${goal}`);
}

const engine = await measureEngineThroughput();
console.log(`\nRule engine, ${engine.count} varied facts, recommended config (same decisions checked on every facts):`);
const times = (ratio) => `${ratio.toFixed(1)}x hand-written`;
console.log(
  `  engine, facts validated (from outside)  ${engine.engineChecksPerSecond.toFixed(0)} checks/s  ${times(engine.ratio)}`,
);
console.log(
  `  engine, trusted facts (collectFacts)    ${engine.trustedChecksPerSecond.toFixed(0)} checks/s  ${times(engine.trustedRatio)}  (goal <= 4x)`,
);
console.log(
  `  facts validation alone (valibot)        ${engine.validationChecksPerSecond.toFixed(0)} validations/s  ${times(engine.validationRatio)}`,
);
console.log(`  hand-written function                   ${engine.handChecksPerSecond.toFixed(0)} checks/s`);

const facts = await measureCollectFactsRequests();
console.log('\nRequests made by collectFacts:');
console.log(`  one server                        ${facts.one}`);
console.log(
  `  ${facts.fleetSize} servers, one client           ${facts.fleet} (${(facts.fleet / facts.fleetSize).toFixed(2)} per server; the flavor list is fetched once)`,
);
console.log(`  ${facts.fleetSize} servers, a new client each    ${facts.uncached}`);

console.log('\nplanFleet against the emulator (own process), every server to s3.xlarge.2:');
for (const run of await measureFleetPlanning()) {
  const ratio = run.requests / run.naive;
  console.log(
    `  ${String(run.size).padStart(5)} servers: ${String(run.requests).padStart(4)} requests (naive ${run.naive}, ${ratio.toFixed(3)}x; goal <= 0.1x), ` +
      `${run.ms.toFixed(0)} ms (${((run.ms / run.size) * 1000).toFixed(0)} µs/server); ready ${run.summary.ready}, blocked ${run.summary.blocked}`,
  );
}

const startup = measureCliStartup();
console.log(`\nCLI start-up, median of ${startup.runs} fresh processes each:`);
console.log(`  node -e 0                ${startup.nodeMs.toFixed(0)} ms`);
console.log(`  ecs-resize --help        ${startup.cliMs.toFixed(0)} ms  (${startup.ratio.toFixed(2)}x node -e 0)`);
