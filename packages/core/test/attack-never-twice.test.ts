/**
 * A resize is never sent twice (issue 9, class 1), through `resize`: hostile job ids in the
 * resize answer (`@ecs-resize/fleet`'s attack-never-twice.test.ts does the same for fleets).
 * Real HTTP on 127.0.0.1: the emulator, and a small node:http proxy in front of it that lets
 * the resize through (so it really happens) and rewrites its answer. Each case counts the
 * resizes the emulator accepted.
 */
import { SERVERS, startEmulator, type Emulator } from '@ecs-resize/emulator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EcsInputError, EcsResponseError } from '../src/index.js';
import { clientOf, rejectionOf } from './helpers.js';
import { startRewritingProxy, type RewritingProxy } from './rewriting-proxy.js';

/** A server and flavor the rules let through on the default data. */
const READY = { serverId: SERVERS.kvmStopped, flavorRef: 's3.xlarge.2' };

let emulator: Emulator;
beforeEach(async () => {
  emulator = await startEmulator({ jobDurationMs: 40 });
});
afterEach(() => emulator.close());

/** Hostile values of `job_id` in a resize answer: none may come back as a job id. */
const HOSTILE_JOB_IDS: [string, unknown][] = [
  ['a dot-dot path', '../x'],
  ['a path with a slash', 'jobs/../../servers'],
  ['a space', 'a b'],
  ['a command substitution', '$(rm -rf /)'],
  ['a semicolon', ';'],
  ['a command after a semicolon', 'ff80;reboot'],
  ['a double quote', '"'],
  ['a single quote', "it's"],
  ['a newline', 'ff80\nINJECTED'],
  ['an ESC sequence', '\u001b[2J\u001b]0;owned\u0007'],
  ['a percent-encoded dot segment', '%2e%2e'],
  ['a leading dash (a flag)', '-rf'],
  ['10 KB', 'a'.repeat(10 * 1024)],
  ['an empty string', ''],
  ['a number', 12345],
  ['null', null],
  ['an object', { id: 'x' }],
];

describe('a resize answer with a hostile job id is an EcsResponseError that may have taken effect', () => {
  let proxy: RewritingProxy | undefined;
  afterEach(async () => {
    await proxy?.close();
    proxy = undefined;
  });

  it.each(HOSTILE_JOB_IDS)('job_id: %s', async (_, jobId) => {
    proxy = await startRewritingProxy(emulator.url, { job_id: jobId });
    const client = clientOf(emulator, { endpoint: proxy.url });
    const error = await rejectionOf(client.resize(READY.serverId, READY.flavorRef));
    expect(error).toBeInstanceOf(EcsResponseError);
    expect(error).not.toBeInstanceOf(EcsInputError);
    expect((error as EcsResponseError).mayHaveTakenEffect).toBe(true);
    const { message, issues } = error as EcsResponseError;
    expect(issues.join()).toMatch(/^job_id: /);
    expect(message).toContain('may have taken effect');
    expect(message).not.toMatch(/Nothing was sent/);
    // The id is never quoted back: no control character, no 10 KB, no shell syntax.
    expect(message).not.toMatch(/[\u0000-\u001f]/);
    if (typeof jobId === 'string' && jobId.length > 1) expect(message).not.toContain(jobId);
    // Sent once, not retried, and it really happened.
    expect(proxy.posts()).toBe(1);
    expect(emulator.state.resizeJobs).toHaveLength(1);
  });

  it.each([
    ['order_id with a space', { order_id: 'CS 1' }],
    ['order_id with an ESC sequence', { job_id: undefined, order_id: '\u001b[31m' }],
  ])('%s', async (_, answer) => {
    proxy = await startRewritingProxy(emulator.url, answer);
    const error = await rejectionOf(clientOf(emulator, { endpoint: proxy.url }).resize(READY.serverId, READY.flavorRef));
    expect(error).toBeInstanceOf(EcsResponseError);
    expect((error as EcsResponseError).mayHaveTakenEffect).toBe(true);
    expect(proxy.posts()).toBe(1);
  });
});
