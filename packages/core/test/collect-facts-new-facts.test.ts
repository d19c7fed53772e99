import { DEDICATED_HOST_ID, SERVERS } from '@ecs-resize/emulator';
import { createRuleEngine } from '@ecs-resize/rules';
import { describe, expect, it } from 'vitest';
import { flavorFacts } from '../src/facts/flavor-facts.js';
import { dedicatedHostOf } from '../src/facts/server-facts.js';
import { EcsApiError, EcsInputError, PreflightError, type Server } from '../src/index.js';
import { FAST_JOB_MS, FAST_WAIT, clientOf, rejectionOf, useEmulator } from './helpers.js';

describe('collectFacts fills the NIC, hardware, host and request facts from the API', () => {
  const emulator = useEmulator({ jobDurationMs: FAST_JOB_MS });

  it.each([
    {
      server: 'kvmStopped',
      nicCount: 1,
      dedicatedHostId: null,
      flavor: { id: 's3.large.2', architecture: 'x86', performanceType: 'normal', localDisks: false, maxNics: 2 },
    },
    {
      server: 'nicHeavy',
      nicCount: 4,
      dedicatedHostId: null,
      flavor: { id: 's3.2xlarge.2', architecture: 'x86', performanceType: 'normal', localDisks: false, maxNics: 4 },
    },
    {
      server: 'diskIntensive',
      nicCount: 1,
      dedicatedHostId: null,
      flavor: { id: 'd2.xlarge.8', architecture: 'x86', performanceType: 'diskintensive', localDisks: true, maxNics: 3 },
    },
    {
      server: 'h2',
      nicCount: 1,
      dedicatedHostId: null,
      flavor: { id: 'h2.3xlarge.10', generation: 'h2', architecture: 'x86', performanceType: 'highcpu', maxNics: 6 },
    },
    {
      server: 'gpu',
      nicCount: 1,
      dedicatedHostId: null,
      flavor: { id: 'g6.xlarge.4', generation: 'g6', architecture: 'x86', performanceType: 'gpu', maxNics: 3 },
    },
    {
      server: 'arm',
      nicCount: 1,
      dedicatedHostId: null,
      flavor: { id: 'kc1.large.2', architecture: 'arm', performanceType: 'kunpeng_computing', localDisks: false, maxNics: 2 },
    },
    {
      server: 'dedicatedHost',
      nicCount: 1,
      dedicatedHostId: DEDICATED_HOST_ID,
      flavor: { id: 's3.large.2', architecture: 'x86', maxNics: 2 },
    },
  ] as const)(
    '$server: $nicCount NIC(s), host $dedicatedHostId, flavor $flavor.id',
    async ({ server, nicCount, dedicatedHostId, flavor }) => {
      const facts = await clientOf(emulator()).collectFacts(SERVERS[server], 'kc1.xlarge.2');
      expect(facts.server).toMatchObject({ nicCount, dedicatedHostId, flavor });
      expect(facts.target).toMatchObject({ id: 'kc1.xlarge.2', architecture: 'arm', localDisks: false, maxNics: 3 });
      // Nothing of the request is assumed.
      expect(facts).not.toHaveProperty('autoPay');
      expect(facts).not.toHaveProperty('dedicatedHostId');
    },
  );

  it.each([
    { options: { autoPay: true }, expected: { autoPay: true } },
    { options: { autoPay: false }, expected: { autoPay: false } },
    { options: { dedicatedHostId: DEDICATED_HOST_ID }, expected: { dedicatedHostId: DEDICATED_HOST_ID } },
    { options: { autoPay: true, dedicatedHostId: 'deh-2' }, expected: { autoPay: true, dedicatedHostId: 'deh-2' } },
  ])('the request facts come from the options: $options', async ({ options, expected }) => {
    const facts = await clientOf(emulator()).collectFacts(SERVERS.prepaid, 's3.xlarge.2', options);
    expect({ autoPay: facts.autoPay, dedicatedHostId: facts.dedicatedHostId }).toEqual({
      autoPay: undefined,
      dedicatedHostId: undefined,
      ...expected,
    });
  });

  it('reads the NICs once per server, at the same time as the other look-ups', async () => {
    const client = clientOf(emulator());
    const counts = () =>
      Object.fromEntries(
        (['getServer', 'listServerInterfaces', 'listResizeFlavors', 'getVolumes', 'listFlavors'] as const).map((route) => [
          route,
          emulator().state.countRequests(route),
        ]),
      );
    const before = counts();
    await client.collectFacts(SERVERS.nicHeavy, 's3.xlarge.2');
    await client.collectFacts(SERVERS.kvmStopped, 's3.xlarge.2');
    const after = counts();
    expect(Object.fromEntries(Object.entries(after).map(([route, count]) => [route, count - (before[route] ?? 0)]))).toEqual({
      getServer: 2,
      listServerInterfaces: 2,
      // A page and the empty page that ends marker paging, per server.
      listResizeFlavors: 4,
      getVolumes: 2,
      // Cached by the client.
      listFlavors: 1,
    });
  });

  it('a failed NIC look-up fails the facts: no fact is made up', async () => {
    const client = clientOf(emulator(), { retry: 0 });
    emulator().faults.push({ route: 'listServerInterfaces', kind: 'error', status: 500, times: 1 });
    expect(await rejectionOf(client.collectFacts(SERVERS.nicHeavy, 's3.xlarge.2'))).toBeInstanceOf(EcsApiError);
    expect((await client.collectFacts(SERVERS.nicHeavy, 's3.xlarge.2')).server.nicCount).toBe(4);
  });

  it.each([
    { name: 'autoPay not a boolean', options: { autoPay: 'true' }, path: 'options.autoPay' },
    { name: 'a host id leaving its place', options: { dedicatedHostId: '../deh' }, path: 'options.dedicatedHostId' },
    { name: 'an empty host id', options: { dedicatedHostId: '' }, path: 'options.dedicatedHostId' },
    {
      name: 'a confirmation that is not a boolean',
      options: { confirmations: { h1Drivers: 'yes' } },
      path: 'options.confirmations.h1Drivers',
    },
    {
      name: 'a kebab-case confirmation key',
      options: { confirmations: { 'h1-drivers': true } },
      path: 'options.confirmations.h1-drivers',
    },
    { name: 'a misspelt option', options: { autopay: true }, path: 'options.autopay' },
  ])('refuses $name before sending anything', async ({ options, path }) => {
    const before = emulator().state.countRequests();
    const error = (await rejectionOf(
      clientOf(emulator()).collectFacts(SERVERS.kvmStopped, 's3.xlarge.2', options as never),
    )) as EcsInputError;
    expect(error).toBeInstanceOf(EcsInputError);
    expect(error.issues.map((issue) => issue.path)).toContain(path);
    expect(emulator().state.countRequests()).toBe(before);
  });

  it("a plugin rule's confirmation passes through to the facts", async () => {
    const facts = await clientOf(emulator()).collectFacts(SERVERS.kvmStopped, 's3.xlarge.2', {
      confirmations: { xenToKvmDrivers: true, acmeBackupTaken: false },
    });
    expect(facts.confirmations).toEqual({ xenToKvmDrivers: true, acmeBackupTaken: false });
  });
});

describe('resize passes its own request to the preflight and sends it', () => {
  const emulator = useEmulator({ jobDurationMs: FAST_JOB_MS });
  const engine = createRuleEngine();

  it.each([
    { name: 'a server on a dedicated host, without the host', server: 'dedicatedHost', options: {}, blockedBy: 'dedicated-host' },
    { name: 'a yearly/monthly server, without autoPay', server: 'prepaid', options: {}, blockedBy: 'prepaid-auto-pay' },
    { name: 'a server with 4 NICs to a flavor allowing 3', server: 'nicHeavy', options: {}, blockedBy: 'nic-limit' },
  ] as const)('blocks $name: PreflightError, nothing sent', async ({ server, options, blockedBy }) => {
    const error = (await rejectionOf(
      clientOf(emulator()).resize(SERVERS[server], 's3.xlarge.2', { preflight: engine, ...options }),
    )) as PreflightError;
    expect(error).toBeInstanceOf(PreflightError);
    expect(error.report.findings.filter((finding) => finding.severity === 'error').map((finding) => finding.ruleId)).toEqual([
      blockedBy,
    ]);
    expect(emulator().state.resizeJobs.filter((job) => job.serverId === SERVERS[server])).toEqual([]);
  });

  it.each([
    {
      name: 'dedicatedHostId: to v1.1 with dedicated_host_id',
      server: 'dedicatedHost',
      options: { dedicatedHostId: DEDICATED_HOST_ID },
      record: { apiVersion: 'v1.1', dedicatedHostId: DEDICATED_HOST_ID },
    },
    {
      name: 'autoPay: to v1.1 with an order',
      server: 'prepaid',
      options: { autoPay: true },
      record: { apiVersion: 'v1.1', orderId: expect.any(String) },
    },
    { name: 'neither: to v1', server: 'kvmStopped', options: {}, record: { apiVersion: 'v1' } },
  ] as const)('passes and sends $name', async ({ server, options, record }) => {
    const client = clientOf(emulator());
    const result = await client.resize(SERVERS[server], 's3.2xlarge.2', { preflight: engine, ...options });
    expect(result.warnings).toEqual([]);
    const sent = emulator().state.resizeJobs.filter((job) => job.serverId === SERVERS[server]);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject(record);
    if (!('dedicatedHostId' in options)) expect(sent[0]).not.toHaveProperty('dedicatedHostId');
    expect((await client.waitForJob(result.jobId!, FAST_WAIT)).status).toBe('SUCCESS');
  });
});

describe('dedicatedHostOf reads os:scheduler_hints (both shapes: UNCONFIRMED which one a cloud sends)', () => {
  const server = (hints?: unknown): Server =>
    ({
      id: 'x',
      status: 'SHUTOFF',
      flavor: { id: 's3.large.2' },
      ...(hints === undefined ? {} : { 'os:scheduler_hints': hints }),
    }) as Server;

  it.each([
    { hints: { dedicated_host_id: ['deh-1'], tenancy: ['dedicated'] }, expected: 'deh-1' },
    { hints: { dedicated_host_id: 'deh-1' }, expected: 'deh-1' },
    { hints: { dedicated_host_id: ['', 'deh-2'] }, expected: 'deh-2' },
    { hints: {}, expected: null },
    { hints: { dedicated_host_id: [] }, expected: null },
    { hints: { dedicated_host_id: null, tenancy: ['shared'] }, expected: null },
    { hints: { tenancy: ['dedicated'] }, expected: undefined },
    { hints: { tenancy: 'dedicated', dedicated_host_id: '' }, expected: undefined },
    { hints: null, expected: undefined },
    { hints: undefined, expected: undefined },
  ])('$hints → $expected', ({ hints, expected }) => {
    expect(dedicatedHostOf(server(hints))).toBe(expected);
  });
});

describe('flavorFacts reads the hardware from the extra specs', () => {
  it.each([
    { specs: { 'ecs:instance_architecture': 'arm64' }, expected: { architecture: 'arm', localDisks: false } },
    { specs: { 'ecs:instance_architecture': 'x86_64' }, expected: { architecture: 'x86', localDisks: false } },
    {
      specs: { 'hws:performancetype': 'highmem' },
      expected: { architecture: 'x86', performanceType: 'highmem', localDisks: false },
    },
    {
      specs: { 'ecs:performancetype': 'gpu', 'hws:performancetype': 'normal' },
      expected: { architecture: 'x86', performanceType: 'gpu', localDisks: false },
    },
    { specs: { 'quota:nvme_ssd': '1' }, expected: { architecture: 'x86', localDisks: true } },
    { specs: { 'quota:vif_max_num': '8' }, expected: { architecture: 'x86', localDisks: false, maxNics: 8 } },
    { specs: { 'quota:vif_max_num': '2.5' }, expected: { architecture: 'x86', localDisks: false } },
    { specs: { 'quota:vif_max_num': '-1' }, expected: { architecture: 'x86', localDisks: false } },
    { specs: { 'quota:vif_max_num': 'many' }, expected: { architecture: 'x86', localDisks: false } },
  ])('$specs', ({ specs, expected }) => {
    expect(flavorFacts('f1', { specs }, undefined)).toEqual({ id: 'f1', saleStatus: 'normal', ...expected });
  });

  it('a flavor no listing had: nothing is assumed about its hardware', () => {
    expect(flavorFacts('f1', {}, undefined)).toEqual({ id: 'f1' });
  });
});
