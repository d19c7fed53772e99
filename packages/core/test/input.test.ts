import { SERVERS } from '@ecs-resize/emulator';
import { describe, expect, it } from 'vitest';
import { EcsInputError, type EcsClient } from '../src/index.js';
import { FAST_JOB_MS, clientOf, rejectionOf, useEmulator } from './helpers.js';

/** A call with bad input, and the input path the error must name. */
interface BadCall {
  name: string;
  call: (client: EcsClient) => Promise<unknown>;
  path: string;
}

const server = SERVERS.kvmStopped;
const asAny = (value: unknown) => value as never;

const badCalls: BadCall[] = [
  { name: 'empty server id', call: (c) => c.getServer(''), path: 'serverId' },
  { name: 'slash in a server id', call: (c) => c.getServer('a/b'), path: 'serverId' },
  { name: 'parent segment', call: (c) => c.getServer('..'), path: 'serverId' },
  { name: 'dot segment', call: (c) => c.getServer('.'), path: 'serverId' },
  { name: 'traversal', call: (c) => c.getServer('../../v2/x'), path: 'serverId' },
  { name: 'dots inside', call: (c) => c.getServer('a..b'), path: 'serverId' },
  { name: 'encoded traversal %2e%2e', call: (c) => c.getServer('%2e%2e'), path: 'serverId' },
  { name: 'encoded slash %2F', call: (c) => c.getJob('a%2Fb'), path: 'jobId' },
  { name: 'query in an id', call: (c) => c.getServer('id?x=1'), path: 'serverId' },
  { name: 'fragment in an id', call: (c) => c.getServer('id#x'), path: 'serverId' },
  { name: 'space in an id', call: (c) => c.getServer('a b'), path: 'serverId' },
  { name: 'CRLF header injection', call: (c) => c.getServer('a\r\nX-Evil: 1'), path: 'serverId' },
  { name: 'NUL byte', call: (c) => c.getServer('a\u0000'), path: 'serverId' },
  { name: 'tab', call: (c) => c.listBlockDevices('a\tb'), path: 'serverId' },
  { name: 'non-ASCII', call: (c) => c.getServer('serveur-é'), path: 'serverId' },
  { name: 'too long (129)', call: (c) => c.getServer('a'.repeat(129)), path: 'serverId' },
  { name: 'a number for an id', call: (c) => c.getServer(asAny(123)), path: 'serverId' },
  { name: 'undefined id', call: (c) => c.getServer(asAny(undefined)), path: 'serverId' },
  { name: 'empty flavorRef', call: (c) => c.resize(server, ''), path: 'flavorRef' },
  { name: 'slash in flavorRef', call: (c) => c.resize(server, 's3/large'), path: 'flavorRef' },
  {
    name: 'mode misspelt',
    call: (c) => c.resize(server, 's3.xlarge.2', { mode: asAny('withstopserver') }),
    path: 'options.mode',
  },
  {
    name: 'dryRun not a boolean',
    call: (c) => c.resize(server, 's3.xlarge.2', { dryRun: asAny('yes') }),
    path: 'options.dryRun',
  },
  { name: 'autoPay not a boolean', call: (c) => c.resize(server, 's3.xlarge.2', { autoPay: asAny(1) }), path: 'options.autoPay' },
  { name: 'unknown option', call: (c) => c.resize(server, 's3.xlarge.2', asAny({ dry_run: true })), path: 'options.dry_run' },
  { name: 'signal not a signal', call: (c) => c.getServer(server, { signal: asAny('stop') }), path: 'options.signal' },
  { name: 'pageSize 0', call: (c) => c.listServers({ pageSize: 0 }), path: 'options.pageSize' },
  { name: 'pageSize over 1000', call: (c) => c.listServers({ pageSize: 1001 }), path: 'options.pageSize' },
  { name: 'status in lower case', call: (c) => c.listServers({ status: 'shutoff' }), path: 'options.status' },
  { name: 'sortKey unknown', call: (c) => c.listResizeFlavors(server, { sortKey: asAny('ram') }), path: 'options.sortKey' },
  { name: 'volume ids not an array', call: (c) => c.getVolumes(asAny('abc')), path: 'ids' },
  { name: 'a bad volume id among good ones', call: (c) => c.getVolumes(['ok-1', 'a/b']), path: 'ids.1' },
  { name: 'negative poll interval', call: (c) => c.waitForJob('job1', { interval: -1 }), path: 'options.interval' },
  { name: 'fractional timeout', call: (c) => c.waitForJob('job1', { timeout: 1.5 }), path: 'options.timeout' },
  {
    name: 'onProgress not a function',
    call: (c) => c.waitForJob('job1', { onProgress: asAny('print') }),
    path: 'options.onProgress',
  },
];

describe(`bad input is refused before anything is sent (${badCalls.length} cases)`, () => {
  const emulator = useEmulator({ jobDurationMs: FAST_JOB_MS });

  for (const bad of badCalls) {
    it(`${bad.name} → EcsInputError naming ${bad.path}, zero requests`, async () => {
      const before = emulator().state.countRequests();
      const error = await rejectionOf(bad.call(clientOf(emulator())));
      expect(error).toBeInstanceOf(EcsInputError);
      expect((error as EcsInputError).issues.map((issue) => issue.path)).toContain(bad.path);
      expect((error as Error).message).toMatch(/Nothing was sent/);
      expect(emulator().state.countRequests()).toBe(before);
    });
  }
});

/** Client options that must be refused, with the option the error must name. */
const badOptions: { name: string; options: Record<string, unknown>; path: string }[] = [
  { name: 'ftp endpoint', options: { endpoint: 'ftp://ecs.example.com' }, path: 'endpoint' },
  { name: 'endpoint with a query', options: { endpoint: 'https://ecs.example.com/?x=1' }, path: 'endpoint' },
  { name: 'endpoint with credentials', options: { endpoint: 'https://user:pw@ecs.example.com' }, path: 'endpoint' },
  { name: 'a same-origin path outside a browser', options: { endpoint: '/ecs-proxy' }, path: 'endpoint' },
  { name: 'project id with a slash', options: { projectId: 'p/1' }, path: 'projectId' },
  { name: 'empty token', options: { auth: { token: '' } }, path: 'auth.token' },
  { name: 'AK without SK', options: { auth: { accessKey: 'AK' } }, path: 'auth' },
  { name: 'zero timeout', options: { timeout: 0 }, path: 'timeout' },
  { name: 'retry over the maximum', options: { retry: 11 }, path: 'retry' },
  { name: 'misspelt option', options: { projectID: 'x' }, path: 'projectID' },
];

describe('bad client options are refused by createEcsClient', () => {
  const emulator = useEmulator({ jobDurationMs: FAST_JOB_MS });

  for (const bad of badOptions) {
    it(`${bad.name} → EcsInputError naming ${bad.path}`, () => {
      expect.assertions(2);
      try {
        clientOf(emulator(), bad.options);
      } catch (error) {
        expect(error).toBeInstanceOf(EcsInputError);
        expect((error as EcsInputError).issues.map((issue) => issue.path)).toContain(bad.path);
      }
    });
  }
});
