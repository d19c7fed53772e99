import { DEFAULT_PROJECT_ID, DEFAULT_TOKEN, SERVERS } from '@ecs-resize/emulator';
import { describe, expect, it } from 'vitest';
import { closedPort } from '../../core/test/loopback-server.js';
import { cli } from './helpers/cli.js';

const SERVER = SERVERS.kvmStopped;

/** Commands that reach the API, run by the binary against an endpoint that refuses connections. */
const REFUSED_COMMANDS: { name: string; args: string[] }[] = [
  { name: 'resize', args: ['resize', SERVER, 's3.xlarge.2'] },
  { name: 'resize --mode withStopServer', args: ['resize', SERVERS.kvmRunning, 's3.xlarge.2', '--mode', 'withStopServer'] },
  { name: 'check', args: ['check', SERVER, 's3.xlarge.2'] },
  { name: 'job', args: ['job', '2da6380cf5150487045f651cdffcbd1f'] },
];

describe('the CLI against a refused connection says it never reached the server', () => {
  it.each(REFUSED_COMMANDS)('$name', async ({ args }) => {
    const env = {
      ECS_ENDPOINT: `http://127.0.0.1:${await closedPort()}`,
      HW_PROJECT_ID: DEFAULT_PROJECT_ID,
      OS_AUTH_TOKEN: DEFAULT_TOKEN,
    };
    const text = await cli(args, env);
    expect(text.code).toBe(3);
    expect(text.stderr).toMatch(/never reached the server/);
    expect(text.stderr).not.toMatch(/may have received|check the server status/);
    const json = await cli([...args, '--json'], env);
    const { error } = JSON.parse(json.stdout) as { error: { name: string; mayHaveReachedServer: boolean } };
    expect([json.code, error.name, error.mayHaveReachedServer]).toEqual([3, 'EcsNetworkError', false]);
  });
});
