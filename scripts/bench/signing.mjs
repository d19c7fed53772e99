// AK/SK signatures per second: signRequest on a resize POST as the client sends it.
import { signRequest } from '@ecs-resize/core';

/** Signs `count` resize requests one after another; returns signatures per second. */
export async function measureSigning({ count = 5000 } = {}) {
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
  for (let index = 0; index < 500; index += 1) await signRequest(makeRequest(), credentials);
  const started = performance.now();
  for (let index = 0; index < count; index += 1) await signRequest(makeRequest(), credentials);
  const elapsed = performance.now() - started;
  return { count, perSecond: (count / elapsed) * 1000, microsecondsEach: (elapsed / count) * 1000 };
}
