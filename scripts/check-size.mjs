// CI's bundle-size budget: fails when a browser bundle of core grows past its budget.
// Needs a build first (pnpm run build). Budgets live in scripts/bench/bundle-size.mjs.
import { measureBundles } from './bench/bundle-size.mjs';

let failed = false;
for (const bundle of await measureBundles()) {
  const within = bundle.gzip <= bundle.budget;
  failed ||= !within;
  console.log(`${within ? 'ok  ' : 'OVER'} ${bundle.name}: ${bundle.gzip} B gz (budget ${bundle.budget} B)`);
}
if (failed) {
  console.error('A bundle is over its budget: make it smaller, or raise the budget in the same commit and say why.');
  process.exit(1);
}
