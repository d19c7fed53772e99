import { SERVERS } from '@ecs-resize/emulator';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/index.js';
import { flavorUpdate, planOf } from './helpers/terraform-plan.js';

/** Runs the CLI in this process with `text` on its standard input; what it wrote to stderr, and its exit code. */
async function runWithStdin(args: readonly string[], text: string) {
  let stderr = '';
  const code = await runCli(args, {
    stdout: { isTTY: false, write: () => undefined },
    stderr: { isTTY: false, write: (chunk: string) => (stderr += chunk) },
    stdin: Readable.from([text]),
    env: {},
    cwd: process.cwd(),
  });
  return { code, stderr };
}

const twice = planOf([
  flavorUpdate({ name: 'a', id: SERVERS.kvmStopped, from: 's3.large.2', to: 's3.xlarge.2' }),
  flavorUpdate({ name: 'b', id: SERVERS.kvmStopped, from: 's3.large.2', to: 's3.2xlarge.2' }),
]);

describe('every refusal of the standard input names it as the reading errors do: "- (stdin)"', () => {
  it.each([
    {
      name: 'facts that are not facts',
      args: ['check', '--facts', '-'],
      text: '{}',
      says: '--facts - (stdin): these are not resize facts',
    },
    {
      name: 'JSON that is not a plan',
      args: ['check', '--terraform', '-'],
      text: '{"format_version":"1.2","resource_changes":{}}',
      says: '--terraform - (stdin): not a Terraform plan',
    },
    {
      name: 'a plan resizing one server twice',
      args: ['check', '--terraform', '-'],
      text: JSON.stringify(twice),
      says: '--terraform - (stdin) resizes 1 server from more than one resource',
    },
    {
      name: 'a plan resizing a server whose id is not a UUID',
      args: ['check', '--terraform', '-'],
      text: JSON.stringify(planOf([flavorUpdate({ name: 'a', id: 'x', from: 's3.large.2', to: 's3.xlarge.2' })])),
      says: '--terraform - (stdin): resource_changes[0]',
    },
  ])('$name', async ({ args, text, says }) => {
    const { code, stderr } = await runWithStdin(args, text);
    expect(code).toBe(2);
    expect(stderr).toContain(`error: ${says}`);
  });
});
