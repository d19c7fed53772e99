// AK/SK signatures per second: signRequest on a resize POST as the client sends it (node:crypto
// in Node). The median of several rounds, so that a busy machine's bursts count less. Run alone
// (`node scripts/bench/signing.mjs`) or from index.mjs.
import { signRequest } from '@ecs-resize/core';

/** The middle value of a list of numbers. */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return Number.isInteger(middle) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[Math.floor(middle)];
}

/** Signs `rounds` x `perRound` resize requests one after another; returns signatures per second (median round). */
export async function measureSigning({ rounds = 9, perRound = 2000 } = {}) {
  const credentials = { accessKey: 'QTWAOYTTINDUT2QVKYUC', secretKey: 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc' };
  const makeRequest = () =>
    new Request(
      'https://ecs.eu-de.otc.t-systems.com/v1/0b5e1f2a3c4d4e5f8a9b0c1d2e3f4a5b/cloudservers/6f1b3c2a-0d4e-4b7a-9c11-2a5e8f000001/resize',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-project-id': '0b5e1f2a3c4d4e5f8a9b0c1d2e3f4a5b' },
        body: '{"resize":{"flavorRef":"s3.large.2"}}',
      },
    );
  for (let index = 0; index < 1000; index += 1) await signRequest(makeRequest(), credentials);
  const elapsed = [];
  for (let round = 0; round < rounds; round += 1) {
    const started = performance.now();
    for (let index = 0; index < perRound; index += 1) await signRequest(makeRequest(), credentials);
    elapsed.push(performance.now() - started);
  }
  const each = median(elapsed) / perRound;
  return { count: rounds * perRound, perSecond: 1000 / each, microsecondsEach: each * 1000 };
}

/** The lines to print for a {@link measureSigning} result. */
export function formatSigning({ count, perSecond, microsecondsEach }) {
  return [
    `AK/SK signing (signRequest on a resize POST, node:crypto), ${count} requests, median of rounds:`,
    `  ${perSecond.toFixed(0)} signatures/s (${microsecondsEach.toFixed(0)} µs each)`,
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of formatSigning(await measureSigning())) console.log(line);
}
