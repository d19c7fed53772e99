/**
 * The fault table (issue 6, suite 1): every client call × every fault the emulator injects,
 * each cell checking the typed error or the successful retry that design.md promises; and
 * `waitForJob` under probabilistic faults on `getJob` (suite 2).
 *
 * Each cell runs against an emulator of its own on 127.0.0.1 (real HTTP), so the cells run
 * concurrently and a fault rule never leaks from one cell into another.
 */
import { SERVERS, startEmulator, type Emulator, type Fault, type RouteName } from '@ecs-resize/emulator';
import { describe, it, vi, type ExpectStatic } from 'vitest';
import {
  createEcsClient,
  EcsApiError,
  EcsNetworkError,
  EcsResponseError,
  EcsTimeoutError,
  isEcsError,
  JobFailedError,
  JobTimeoutError,
  type EcsClient,
  type EcsClientOptions,
} from '../src/index.js';
import { FAST_WAIT, advanceClock, eventually, rejectionOf, useFrozenClock } from './helpers.js';

// The cells mostly wait on timers (timeouts, backoff, Retry-After): run many at once.
vi.setConfig({ maxConcurrency: 16 });

/**
 * The client's per-attempt timeout: a budget a healthy answer on 127.0.0.1 never comes near,
 * however busy the machine (the cells run concurrently, so they cannot share fake timers).
 */
const TIMEOUT = 2000;
/**
 * The injected latency. Emulator and client share one event loop, and the client's timer starts
 * before the request is even sent, so a delay of at least TIMEOUT always outlasts it: the
 * timeout fires because the server has not answered, never because the machine is slow.
 */
const LATENCY = TIMEOUT + 500;
/** Retries per call: 1 keeps the persistent cells fast and still shows the retry. */
const RETRY = 1;
/** How long `waitForJob` waits in a persistent-fault cell before it must give up. */
const WAIT_TIMEOUT = 1200;

/** A fault rule without its route and count, which each cell sets. */
type FaultSpec = Omit<Fault, 'route' | 'times' | 'probability'>;

/** The typed error a fault must end in once the retries are used up. */
type ExpectedError =
  { kind: 'api'; status: number; code: string | undefined } | { kind: 'timeout' } | { kind: 'network' } | { kind: 'response' };

/** One fault of the table, and what design.md promises for it. */
interface FaultCase {
  name: string;
  fault: FaultSpec;
  /** Reads are retried on it (network errors, timeouts, 429, 5xx); a garbled 200 is not. */
  readRetried: boolean;
  /** The resize POST is retried on it (429 only). */
  resizeRetried: boolean;
  error: ExpectedError;
}

const api = (status: number, code: string | undefined): ExpectedError => ({ kind: 'api', status, code });

/** Every fault kind the emulator injects, with the phases that matter. */
const READ_FAULTS: FaultCase[] = [
  {
    name: `latency ${LATENCY} ms > timeout ${TIMEOUT} ms`,
    fault: { kind: 'latency', delayMs: LATENCY },
    readRetried: true,
    resizeRetried: false,
    error: { kind: 'timeout' },
  },
  {
    name: '429 without Retry-After',
    fault: { kind: 'rate-limit' },
    readRetried: true,
    resizeRetried: true,
    error: api(429, 'APIG.0308'),
  },
  {
    name: '429 with Retry-After: 1',
    fault: { kind: 'rate-limit', retryAfter: 1 },
    readRetried: true,
    resizeRetried: true,
    error: api(429, 'APIG.0308'),
  },
  { name: '500', fault: { kind: 'error', status: 500 }, readRetried: true, resizeRetried: false, error: api(500, 'Common.0001') },
  { name: '502', fault: { kind: 'error', status: 502 }, readRetried: true, resizeRetried: false, error: api(502, 'APIG.0202') },
  { name: '503', fault: { kind: 'error', status: 503 }, readRetried: true, resizeRetried: false, error: api(503, 'APIG.0202') },
  { name: '504', fault: { kind: 'error', status: 504 }, readRetried: true, resizeRetried: false, error: api(504, 'APIG.0203') },
  {
    name: 'reset before the request is read',
    fault: { kind: 'reset', phase: 'before' },
    readRetried: true,
    resizeRetried: false,
    error: { kind: 'network' },
  },
  {
    name: 'reset after the request is processed',
    fault: { kind: 'reset', phase: 'after' },
    readRetried: true,
    resizeRetried: false,
    error: { kind: 'network' },
  },
  {
    name: 'malformed JSON in a 200',
    fault: { kind: 'malformed-json', phase: 'after' },
    readRetried: false,
    resizeRetried: false,
    error: { kind: 'response' },
  },
  { name: 'HTML error page (502)', fault: { kind: 'html' }, readRetried: true, resizeRetried: false, error: api(502, undefined) },
  { name: 'empty body (503)', fault: { kind: 'empty' }, readRetried: true, resizeRetried: false, error: api(503, undefined) },
];

/**
 * The resize table: the same kinds, each in both phases where the phase decides whether the
 * job exists (`before`: not processed; `after`: processed, the job IS created). A 429 is only
 * `before`: design.md and the gateway define it as "throttled, not processed".
 */
const RESIZE_FAULTS: FaultCase[] = READ_FAULTS.flatMap((entry) => {
  if (entry.fault.kind === 'rate-limit' || entry.fault.kind === 'reset') return [entry];
  const base = entry.name.replace(/ in a 200$/, '');
  return (['before', 'after'] as const).map((phase) => ({
    ...entry,
    name: `${base} (phase ${phase})`,
    fault: { ...entry.fault, phase },
  }));
});

/** The cell's world: a fresh emulator and a client of it. */
interface Cell {
  emulator: Emulator;
  client: EcsClient;
  /** A job created before the faults were installed (for getJob and waitForJob). */
  jobId: string;
}

/** A read call of the table. */
interface ReadCall {
  name: string;
  /** Every route the call uses; the first is where a persistent fault stops it. */
  routes: readonly RouteName[];
  run(cell: Cell): Promise<unknown>;
  /** Checks a successful result. */
  check(result: unknown, cell: Cell, expect: ExpectStatic): void;
}

const SERVER = SERVERS.kvmStopped;
const TARGET = 's3.xlarge.2';

/** Volume ids attached to a server, from the emulator's state. */
const volumeIdsOf = (emulator: Emulator, serverId: string) =>
  emulator.state.servers.get(serverId)!.attachments.map((attachment) => attachment.volumeId);

const READ_CALLS: ReadCall[] = [
  {
    name: 'getServer',
    routes: ['getServer'],
    run: ({ client }) => client.getServer(SERVER),
    check: (server, _cell, expect) => expect((server as { id: string }).id).toBe(SERVER),
  },
  {
    name: 'listServers',
    routes: ['listServers'],
    run: ({ client }) => client.listServers(),
    check: (servers, cell, expect) => expect((servers as unknown[]).length).toBe(cell.emulator.state.servers.size),
  },
  {
    name: 'listResizeFlavors',
    routes: ['listResizeFlavors'],
    run: ({ client }) => client.listResizeFlavors(SERVER),
    check: (flavors, _cell, expect) => expect((flavors as { id: string }[]).map((flavor) => flavor.id)).toContain(TARGET),
  },
  {
    name: 'listFlavors',
    routes: ['listFlavors'],
    run: ({ client }) => client.listFlavors(),
    check: (flavors, _cell, expect) => expect((flavors as { id: string }[]).map((flavor) => flavor.id)).toContain('s3.large.2'),
  },
  {
    name: 'listBlockDevices',
    routes: ['listBlockDevices'],
    run: ({ client }) => client.listBlockDevices(SERVER),
    check: (devices, cell, expect) =>
      expect((devices as { volumeId: string }[]).map((device) => device.volumeId)).toEqual(volumeIdsOf(cell.emulator, SERVER)),
  },
  {
    name: 'getVolumes',
    routes: ['getVolumes'],
    run: ({ client, emulator }) => client.getVolumes(volumeIdsOf(emulator, SERVER)),
    check: (volumes, cell, expect) =>
      expect((volumes as { id: string }[]).map((volume) => volume.id).sort()).toEqual(volumeIdsOf(cell.emulator, SERVER).sort()),
  },
  {
    name: 'getJob',
    routes: ['getJob'],
    run: ({ client, jobId }) => client.getJob(jobId),
    check: (job, cell, expect) => expect((job as { job_id: string }).job_id).toBe(cell.jobId),
  },
  {
    name: 'collectFacts',
    routes: ['getServer', 'listResizeFlavors', 'listFlavors', 'getVolumes'],
    run: ({ client }) => client.collectFacts(SERVER, TARGET),
    check: (facts, _cell, expect) => {
      const { server, target, allowedTargets } = facts as {
        server: { id: string; disks: unknown[] };
        target: { id: string };
        allowedTargets: string[];
      };
      expect([server.id, target.id, server.disks.length]).toEqual([SERVER, TARGET, 2]);
      expect(allowedTargets).toContain(TARGET);
    },
  },
];

/** Starts the cell's emulator, makes its job, then installs the faults. */
async function openCell(faults: (emulator: Emulator) => Fault[], options: Partial<EcsClientOptions> = {}): Promise<Cell> {
  const emulator = await startEmulator({ jobDurationMs: 50 });
  const setup = createEcsClient({ endpoint: emulator.url, projectId: emulator.projectId, auth: { token: 'ecs-emulator-token' } });
  const { jobId } = await setup.resize(SERVERS.kvmStopped, 's3.2xlarge.2');
  emulator.faults.push(...faults(emulator));
  emulator.state.clearRequests();
  const client = createEcsClient({
    endpoint: emulator.url,
    projectId: emulator.projectId,
    auth: { token: 'ecs-emulator-token' },
    timeout: TIMEOUT,
    retry: RETRY,
    ...options,
  });
  return { emulator, client, jobId: jobId! };
}

/** Runs `body` with a fresh cell and closes its emulator whatever happens. */
async function withCell(faults: (emulator: Emulator) => Fault[], body: (cell: Cell) => Promise<void>): Promise<void> {
  const cell = await openCell(faults);
  try {
    await body(cell);
  } finally {
    await cell.emulator.close();
  }
}

/**
 * Whether the emulator is done with every request of the route: answered, or reset. A `before`
 * latency processes its request only when the delay ends, after the client gave up.
 */
const emulatorDone = (emulator: Emulator, route: RouteName) =>
  emulator.state.requests
    .filter((request) => request.route === route)
    .every((request) => request.status !== null || request.faults.includes('reset'));

/** Checks that `error` is the typed error `expected` describes, for a call by `method`. */
function expectTypedError(expect: ExpectStatic, error: unknown, expected: ExpectedError, method: 'GET' | 'POST'): void {
  expect(isEcsError(error), `a typed EcsError, got ${String(error)}`).toBe(true);
  switch (expected.kind) {
    case 'api': {
      expect(error).toBeInstanceOf(EcsApiError);
      const apiError = error as EcsApiError;
      expect([apiError.status, apiError.code, apiError.method]).toEqual([expected.status, expected.code, method]);
      expect(apiError.requestId).toMatch(/^[0-9a-f]{32}$/);
      if (expected.code === undefined && expected.status === 502) expect(apiError.apiMessage).toMatch(/502 Bad Gateway/);
      expect(apiError.mayHaveTakenEffect).toBe(expected.status >= 500);
      break;
    }
    case 'timeout': {
      expect(error).toBeInstanceOf(EcsTimeoutError);
      const timeout = error as EcsTimeoutError;
      expect([timeout.timeout, timeout.method, timeout.mayHaveReachedServer, timeout.mayHaveTakenEffect]).toEqual([
        TIMEOUT,
        method,
        true,
        true,
      ]);
      break;
    }
    case 'network': {
      expect(error).toBeInstanceOf(EcsNetworkError);
      const network = error as EcsNetworkError;
      // A reset proves nothing about whether the server had the request.
      expect([network.method, network.mayHaveReachedServer, network.mayHaveTakenEffect]).toEqual([method, true, true]);
      break;
    }
    case 'response': {
      expect(error).toBeInstanceOf(EcsResponseError);
      const response = error as EcsResponseError;
      expect([response.status, response.method, response.mayHaveTakenEffect]).toEqual([200, method, true]);
      break;
    }
  }
}

/** The rules of a cell: one per route, spent after one hit (`once`) or never (`persistent`). */
function rulesFor(routes: readonly RouteName[], fault: FaultSpec, mode: 'once' | 'persistent'): Fault[] {
  return routes.map((route) => ({ ...fault, route, ...(mode === 'once' ? { times: 1 } : {}) }));
}

const errorName = (error: ExpectedError) =>
  error.kind === 'api'
    ? `EcsApiError ${error.status}${error.code ? ` ${error.code}` : ''}`
    : { timeout: 'EcsTimeoutError', network: 'EcsNetworkError', response: 'EcsResponseError' }[error.kind];

describe.concurrent('fault table: reads', () => {
  for (const call of READ_CALLS) {
    for (const entry of READ_FAULTS) {
      const once = entry.readRetried ? 'retried once, succeeds' : `not retried: ${errorName(entry.error)}`;
      it(`${call.name} × ${entry.name}, once → ${once}`, async ({ expect }) => {
        await withCell(
          () => rulesFor(call.routes, entry.fault, 'once'),
          async (cell) => {
            const outcome = await call.run(cell).then(
              (result) => ({ result }),
              (error: unknown) => ({ error }),
            );
            const [first, ...rest] = call.routes;
            if (entry.readRetried) {
              if ('error' in outcome) throw outcome.error;
              call.check(outcome.result, cell, expect);
              // Every route met its fault once and was asked again; resize_flavors then also asks
              // for the empty page that ends marker paging.
              // (That the retry waits out a Retry-After is checked on a fake clock in retry.test.ts.)
              for (const route of call.routes)
                expect(cell.emulator.state.countRequests(route), route).toBe(route === 'listResizeFlavors' ? 3 : 2);
            } else {
              expectTypedError(expect, 'error' in outcome ? outcome.error : 'resolved', entry.error, 'GET');
              expect(cell.emulator.state.countRequests(first)).toBe(1);
              for (const route of rest) expect(cell.emulator.state.countRequests(route), route).toBe(0);
            }
          },
        );
      });

      const attempts = entry.readRetried ? RETRY + 1 : 1;
      it(`${call.name} × ${entry.name}, persistent → ${errorName(entry.error)} after ${attempts} attempt(s)`, async ({
        expect,
      }) => {
        await withCell(
          () => rulesFor(call.routes, entry.fault, 'persistent'),
          async (cell) => {
            const error = await rejectionOf(call.run(cell));
            expectTypedError(expect, error, entry.error, 'GET');
            expect(cell.emulator.state.countRequests(call.routes[0])).toBe(attempts);
          },
        );
      });
    }
  }

  // waitForJob polls getJob; every fault of the table is transient for it.
  for (const entry of READ_FAULTS) {
    it(`waitForJob × ${entry.name}, once → the poll is repeated, ends SUCCESS`, async ({ expect }) => {
      await withCell(
        () => rulesFor(['getJob'], entry.fault, 'once'),
        async (cell) => {
          const job = await cell.client.waitForJob(cell.jobId, FAST_WAIT);
          expect([job.status, job.job_id]).toEqual(['SUCCESS', cell.jobId]);
          const faulted = cell.emulator.state.requests.filter(
            (request) => request.route === 'getJob' && request.faults.length > 0,
          );
          expect(faulted.map((request) => request.faults)).toEqual([[entry.fault.kind]]);
        },
      );
    });

    it(`waitForJob × ${entry.name}, persistent → JobTimeoutError at its timeout (never a raw poll error)`, async ({ expect }) => {
      await withCell(
        () => rulesFor(['getJob'], entry.fault, 'persistent'),
        async (cell) => {
          // When the deadline fires is checked on a fake clock in wait-for-job.test.ts; here, that
          // a persistent poll failure ends in JobTimeoutError, never in the poll's own error.
          const error = (await rejectionOf(
            cell.client.waitForJob(cell.jobId, { ...FAST_WAIT, timeout: WAIT_TIMEOUT }),
          )) as JobTimeoutError;
          expect(error).toBeInstanceOf(JobTimeoutError);
          expect([error.jobId, error.timeout, error.job]).toEqual([cell.jobId, WAIT_TIMEOUT, undefined]);
          expect(cell.emulator.state.countRequests('getJob')).toBeGreaterThanOrEqual(1);
        },
      );
    });
  }
});

describe.concurrent('fault table: the resize POST', () => {
  const RESIZE_SERVER = SERVERS.kvmScsi;
  const RESIZE_TARGET = 'c6.xlarge.2';

  for (const entry of RESIZE_FAULTS) {
    for (const mode of ['once', 'persistent'] as const) {
      const phase = entry.fault.phase ?? 'before';
      // Only a `before` fault leaves the request unprocessed; a latency `before` delays the
      // processing, which then happens after the client gave up.
      const processed = phase === 'after' || entry.fault.kind === 'latency';
      const succeeds = entry.resizeRetried && mode === 'once';
      const requests = entry.resizeRetried ? (mode === 'once' ? 2 : RETRY + 1) : 1;
      const jobs = succeeds || processed ? 1 : 0;
      const outcome = succeeds ? 'retried, succeeds' : `${errorName(entry.error)}${entry.resizeRetried ? '' : ', not retried'}`;
      it(`resize × ${entry.name}, ${mode} → ${outcome}; ${requests} request(s), ${jobs} job(s)`, async ({ expect }) => {
        await withCell(
          () => rulesFor(['resize'], entry.fault, mode),
          async (cell) => {
            const result = await cell.client.resize(RESIZE_SERVER, RESIZE_TARGET).then(
              (value) => ({ value }),
              (error: unknown) => ({ error }),
            );
            // A latency `before` is processed once its delay has passed: wait for it before counting.
            await eventually(() => emulatorDone(cell.emulator, 'resize'), 'the held resize');
            const created = cell.emulator.state.resizeJobs.filter((job) => job.serverId === RESIZE_SERVER);
            expect(cell.emulator.state.countRequests('resize')).toBe(requests);
            expect(created.length).toBe(jobs);
            if (succeeds) {
              if ('error' in result) throw result.error;
              expect(result.value.jobId).toBe(created[0]?.jobId);
            } else {
              expectTypedError(expect, 'error' in result ? result.error : 'resolved', entry.error, 'POST');
              const error = (result as { error: EcsApiError }).error;
              // True whenever a job exists; false only when none can.
              if (jobs > 0) expect(error.mayHaveTakenEffect).toBe(true);
              if (!error.mayHaveTakenEffect) expect(jobs).toBe(0);
            }
          },
        );
      });
    }
  }
});

// One cell at a time, each on a frozen clock that moves a tenth of the job per answered poll:
// how many polls the job lasts, and so which faults hit, never depends on the machine's speed.
describe('waitForJob survives probabilistic faults on getJob and ends with the real outcome', () => {
  useFrozenClock();

  /** About half of the polls are hit, by every kind, in both phases. */
  const flaky: Fault[] = [
    { route: 'getJob', kind: 'latency', delayMs: 300, probability: 0.06 },
    { route: 'getJob', kind: 'rate-limit', probability: 0.06 },
    { route: 'getJob', kind: 'error', status: 500, probability: 0.05 },
    { route: 'getJob', kind: 'error', status: 502, probability: 0.04 },
    { route: 'getJob', kind: 'error', status: 503, probability: 0.04 },
    { route: 'getJob', kind: 'error', status: 504, probability: 0.04 },
    { route: 'getJob', kind: 'reset', phase: 'before', probability: 0.05 },
    { route: 'getJob', kind: 'reset', phase: 'after', probability: 0.05 },
    { route: 'getJob', kind: 'malformed-json', phase: 'after', probability: 0.06 },
    { route: 'getJob', kind: 'html', probability: 0.04 },
    { route: 'getJob', kind: 'empty', phase: 'after', probability: 0.04 },
  ];
  const outcomes = [
    { status: 'SUCCESS', server: SERVERS.kvmStopped, flavor: 's3.xlarge.2' },
    { status: 'FAIL', server: SERVERS.kvmStopped, flavor: 's1.large' }, // KVM → Xen fails in the job
  ] as const;

  const JOB_MS = 800;

  for (const seed of [1, 2, 3]) {
    for (const outcome of outcomes) {
      it(`seed ${seed}: a job that ends ${outcome.status} → waitForJob reports ${outcome.status === 'SUCCESS' ? 'the job' : 'JobFailedError Ecs.0207'}`, async ({
        expect,
      }) => {
        const emulator = await startEmulator({ seed, jobDurationMs: JOB_MS });
        try {
          const options = { endpoint: emulator.url, projectId: emulator.projectId, auth: { token: 'ecs-emulator-token' } };
          const { jobId } = await createEcsClient(options).resize(outcome.server, outcome.flavor);
          emulator.faults.push(...flaky.map((fault) => ({ ...fault })));
          // No retries in the transport: every fault reaches waitForJob itself.
          const client = createEcsClient({ ...options, timeout: TIMEOUT, retry: 0 });
          const settled = await client.waitForJob(jobId!, { ...FAST_WAIT, onProgress: () => advanceClock(JOB_MS / 10) }).then(
            (job) => ({ job }),
            (error: unknown) => ({ error }),
          );
          const real = emulator.state.jobs.get(jobId!);
          expect(real?.status).toBe(outcome.status);
          if (outcome.status === 'SUCCESS') {
            if ('error' in settled) throw settled.error;
            expect([settled.job.status, settled.job.job_id]).toEqual(['SUCCESS', jobId]);
          } else {
            const error = 'error' in settled ? settled.error : settled.job;
            expect(error).toBeInstanceOf(JobFailedError);
            expect([(error as JobFailedError).job.status, (error as JobFailedError).errorCode]).toEqual(['FAIL', 'Ecs.0207']);
          }
          // The faults really hit: several polls, several kinds.
          const hits = emulator.state.requests.filter((request) => request.route === 'getJob' && request.faults.length > 0);
          expect(hits.length).toBeGreaterThanOrEqual(2);
          expect(new Set(hits.flatMap((request) => request.faults)).size).toBeGreaterThanOrEqual(2);
        } finally {
          await emulator.close();
        }
      });
    }
  }
});
