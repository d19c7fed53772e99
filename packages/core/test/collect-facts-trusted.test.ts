import { defaultData } from '@ecs-resize/emulator';
import { ResizeFactsSchema, type EngineCheckOptions, type ResizeFacts } from '@ecs-resize/rules';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { clientOf, useEmulator } from './helpers.js';

/**
 * Core tells the rule engine its facts are trusted (`{ trusted: true }`: not validated again).
 * These tests keep that promise honest: what collectFacts builds passes the facts schema for
 * every seeded server, with and without the request's options, and check passes the flag.
 */
const data = defaultData();
const servers = data.servers.map((server) => [server.name ?? server.id, server.id] as const);
const target = data.flavors[0]!.id;

describe('collectFacts builds facts the rule engine may trust', () => {
  const emulator = useEmulator();

  it.each(servers)('the facts of %s pass ResizeFactsSchema', async (_, serverId) => {
    const client = clientOf(emulator());
    for (const options of [
      {},
      { mode: 'withStopServer', autoPay: true, confirmations: { h1Drivers: true, acmeOwn: false } },
    ] as const) {
      const facts = await client.collectFacts(serverId, target, options);
      const result = v.safeParse(ResizeFactsSchema, facts);
      expect(result.issues?.map((issue) => `${v.getDotPath(issue)}: ${issue.message}`) ?? []).toEqual([]);
    }
  });

  it('check hands the preflight its facts with { trusted: true }', async () => {
    const calls: [ResizeFacts, EngineCheckOptions | undefined][] = [];
    const preflight = {
      check(facts: ResizeFacts, options?: EngineCheckOptions) {
        calls.push([facts, options]);
        return { ok: true, findings: [] };
      },
    };
    const { facts } = await clientOf(emulator()).check(servers[0]![1], target, { preflight });
    expect(calls).toEqual([[facts, { trusted: true }]]);
  });
});
