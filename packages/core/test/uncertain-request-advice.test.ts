import { SERVERS } from '@ecs-resize/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEcsClient, EcsNetworkError, EcsTimeoutError } from '../src/index.js';
import { rejectionOf } from './helpers.js';
import { listenOnLoopback, type LoopbackServer } from './loopback-server.js';

// A read that got no answer changed nothing and can be tried again; only a request that
// changes something (the resize POST) gets the "check before sending again" advice.
describe('the advice after a request that got no answer', () => {
  let resetting: LoopbackServer;
  beforeAll(async () => {
    resetting = await listenOnLoopback((request) => request.socket.destroy());
  });
  afterAll(() => resetting.close());

  const client = () => createEcsClient({ endpoint: resetting.url, projectId: 'p1', auth: { token: 'tok-1234' }, retry: 0 });
  const calls = [
    { name: 'getServer (GET)', call: () => client().getServer(SERVERS.kvmStopped), read: true },
    { name: 'resize (POST)', call: () => client().resize(SERVERS.kvmStopped, 's3.xlarge.2'), read: false },
  ];
  it.each(calls)('a reset connection on $name', async ({ call, read }) => {
    const error = await rejectionOf(call());
    expect(error).toBeInstanceOf(EcsNetworkError);
    const { message, mayHaveTakenEffect } = error as EcsNetworkError;
    expect(mayHaveTakenEffect).toBe(true);
    expect(message.includes('before sending a resize again')).toBe(!read);
    expect(message.includes('try again')).toBe(read);
  });

  it.each([
    { method: 'GET', read: true },
    { method: 'POST', read: false },
  ])('a timed-out $method', ({ method, read }) => {
    const { message } = new EcsTimeoutError(method, 'https://ecs.example/v1/p1/cloudservers/x', 30_000);
    expect(message.includes('before sending a resize again')).toBe(!read);
    expect(message.includes('try again')).toBe(read);
    expect(message).toContain('Allow a longer timeout if the API is slow.');
  });
});
