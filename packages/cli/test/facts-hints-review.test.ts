import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFacts, type FactsOverrides } from '@ecs-resize/rules/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from './helpers/run-in-process.js';

describe('check --facts: a finding the facts can answer says which field of the facts does', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ecs-resize-facts-hints-'));
  });
  afterAll(() => rm(dir, { recursive: true }));

  it.each<{ name: string; facts: FactsOverrides; hint: string }>([
    {
      name: 'a running server',
      facts: { server: { status: 'ACTIVE', vmState: 'active' } },
      hint: '→ or set "mode": "withStopServer" in the facts',
    },
    {
      name: 'a yearly/monthly server without autoPay',
      facts: { server: { chargingMode: 'prePaid' } },
      hint: '→ set "autoPay" in the facts: true pays the order at once, false leaves it to pay by hand',
    },
    {
      name: 'a server on a dedicated host, none named',
      facts: { server: { dedicatedHostId: 'deh-1' } },
      hint: '→ set "dedicatedHostId" in the facts to its host id',
    },
  ])('$name', async ({ facts, hint }) => {
    const path = join(dir, 'facts.json');
    await writeFile(path, JSON.stringify(buildFacts(facts)));
    const { code, stdout } = await runInProcess(['check', '--facts', path]);
    expect(code).toBe(1);
    expect(stdout).toContain(`\n         ${hint}\n`);
    expect(stdout).not.toContain('--mode');
    expect(stdout).not.toContain('--auto-pay');
    expect(stdout).not.toContain('--dedicated-host');
  });
});
