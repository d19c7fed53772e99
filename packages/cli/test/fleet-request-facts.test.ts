import { DEDICATED_HOST_ID, SERVERS, startEmulator, type Emulator } from '@ecs-resize/emulator';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { cli, tokenEnv } from './helpers/cli.js';

const TARGET = 's3.xlarge.2';

let directory: string;
beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'ecs-resize-fleet-request-'));
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));

let fileCount = 0;
/** Writes a fleet file of the given kind in the test directory and returns its path. */
function fleetFile(kind: 'json' | 'csv', content: string): string {
  fileCount += 1;
  const path = join(directory, `fleet-${fileCount}.${kind}`);
  writeFileSync(path, content);
  return path;
}

/** One fleet item as JSON and as CSV (a header naming only the columns the item uses). */
interface Written {
  readonly json: Record<string, unknown>;
  readonly csv: Record<string, string>;
}

/** A one-item fleet file of `kind`. */
const fileOf = (kind: 'json' | 'csv', item: Written) =>
  kind === 'json'
    ? fleetFile('json', JSON.stringify([item.json]))
    : fleetFile('csv', `${Object.keys(item.csv).join(',')}\n${Object.values(item.csv).join(',')}\n`);

/** What each server needs its fleet item to say, in both file kinds. */
const CASES = [
  {
    name: 'a yearly/monthly server',
    serverId: SERVERS.prepaid,
    ruleId: 'prepaid-auto-pay',
    hint: /→ prepaid-auto-pay: set the item's autoPay \(JSON\) or auto-pay column \(CSV\)/,
    given: { json: { autoPay: true }, csv: { 'auto-pay': 'true' } },
    job: { apiVersion: 'v1.1', orderId: expect.any(String) },
  },
  {
    name: 'a server on a dedicated host',
    serverId: SERVERS.dedicatedHost,
    ruleId: 'dedicated-host',
    hint: /→ dedicated-host: set the item's dedicatedHostId \(JSON\) or dedicated-host column \(CSV\)/,
    given: { json: { dedicatedHostId: DEDICATED_HOST_ID }, csv: { 'dedicated-host': DEDICATED_HOST_ID } },
    job: { apiVersion: 'v1.1', dedicatedHostId: DEDICATED_HOST_ID },
  },
] as const;

const KINDS = ['json', 'csv'] as const;
const TABLE = CASES.flatMap((entry) => KINDS.map((kind) => ({ ...entry, kind })));

/** The item without and with what the server needs. */
function itemsOf({ serverId, given }: (typeof CASES)[number]): { bare: Written; full: Written } {
  const bare = { json: { serverId, flavorRef: TARGET }, csv: { serverId, flavorRef: TARGET } };
  return { bare, full: { json: { ...bare.json, ...given.json }, csv: { ...bare.csv, ...given.csv } } };
}

describe.concurrent('fleet plan: the fleet file says what the request will carry', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(() => emulator?.close());

  it.each(TABLE)('$name ($kind): blocked without it, with the field to set; ready with it', async (entry) => {
    const { bare, full } = itemsOf(entry);
    const blocked = await cli(['fleet', 'plan', fileOf(entry.kind, bare)], tokenEnv(emulator));
    expect(blocked.code).toBe(1);
    expect(blocked.stdout).toMatch(new RegExp(`blocked +${entry.serverId} +${TARGET} +${entry.ruleId}\\n`));
    expect(blocked.stdout).toMatch(entry.hint);
    const ready = await cli(['fleet', 'plan', fileOf(entry.kind, full)], tokenEnv(emulator));
    expect(ready.code).toBe(0);
    expect(ready.stdout).toMatch(new RegExp(`ready +${entry.serverId} +${TARGET} *\\n`));
    expect(emulator.state.resizeJobs).toEqual([]);
  });
});

describe.concurrent('fleet apply: the item is resized through v1.1, once', () => {
  it.each(TABLE)('$name ($kind)', async (entry) => {
    const emulator = await startEmulator({ jobDurationMs: 100 });
    onTestFinished(() => emulator.close());
    const input = fileOf(entry.kind, itemsOf(entry).full);
    const args = ['fleet', 'apply', input, '--interval', '100'];
    const first = await cli(args, tokenEnv(emulator));
    expect(first.code).toBe(0);
    expect(emulator.state.resizeJobs).toEqual([expect.objectContaining({ serverId: entry.serverId, ...entry.job })]);
    const again = await cli(args, tokenEnv(emulator));
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('1 skipped');
    expect(emulator.state.resizeJobs).toHaveLength(1);
  });
});

describe.concurrent('a bad value is refused, naming the item and the field; nothing is sent', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(() => emulator?.close());

  const item = { serverId: SERVERS.prepaid, flavorRef: TARGET };
  it.each([
    {
      name: 'a CSV auto-pay that is not true, false or empty',
      file: () => fleetFile('csv', `serverId,flavorRef,auto-pay\n${item.serverId},${TARGET},yes\n`),
      stream: 'stderr',
      message: /line 2: auto-pay must be true, false or empty, not "yes"/,
    },
    {
      name: 'a JSON autoPay that is a string',
      file: () => fleetFile('json', JSON.stringify([{ ...item, autoPay: 'true' }])),
      stream: 'stdout',
      message: /items\.0\.autoPay: must be a boolean/,
    },
    {
      name: 'a JSON dedicatedHostId that is empty',
      file: () => fleetFile('json', JSON.stringify([{ ...item, dedicatedHostId: '' }])),
      stream: 'stdout',
      message: /items\.0\.dedicatedHostId: /,
    },
    {
      name: 'a CSV dedicated-host that is not an id',
      file: () => fleetFile('csv', `serverId,flavorRef,dedicated-host\n${item.serverId},${TARGET},a/b\n`),
      stream: 'stdout',
      message: /items\.0\.dedicatedHostId: /,
    },
  ] as const)('$name', async ({ file, stream, message }) => {
    const path = file();
    for (const command of ['plan', 'apply'] as const) {
      const run = await cli(['fleet', command, path], tokenEnv(emulator));
      expect(run.code).toBe(2);
      expect(run[stream]).toMatch(message);
    }
    expect(emulator.state.resizeJobs).toEqual([]);
  });
});
