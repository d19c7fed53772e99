// CLI start-up: `ecs-resize --help` against `node -e 0`, each run as a fresh process,
// alternating, and the median of each.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../packages/cli/dist/bin.js', import.meta.url));

/** Milliseconds one process takes, from spawn to exit. */
function timeRun(args) {
  const started = performance.now();
  execFileSync(process.execPath, args, { stdio: 'ignore' });
  return performance.now() - started;
}

/** The middle value of a list. */
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Measures both, `runs` times each; returns their medians and the ratio. */
export function measureCliStartup({ runs = 21 } = {}) {
  const node = [];
  const cli = [];
  for (let run = 0; run < runs; run += 1) {
    node.push(timeRun(['-e', '0']));
    cli.push(timeRun([bin, '--help']));
  }
  return { runs, nodeMs: median(node), cliMs: median(cli), ratio: median(cli) / median(node) };
}
