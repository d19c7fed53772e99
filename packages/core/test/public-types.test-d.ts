import type { ResizeFacts } from '@ecs-resize/rules';
import { describe, expectTypeOf, it } from 'vitest';
import type { createEcsClient } from '../src/index.js';
import {
  check,
  checkTargets,
  collectFacts,
  createEcsConnection,
  getServer,
  resize,
  waitForJob,
  type CheckResult,
  type EcsClient,
  type EcsConnection,
  type Job,
  type Preflight,
  type PreflightReport,
  type ResizeResult,
  type Server,
  type TargetCheck,
} from '../src/index.js';

declare const ecs: EcsConnection;
declare const client: EcsClient;
declare const preflight: Preflight;
const options = { endpoint: 'https://ecs.eu-de.otc.t-systems.com', projectId: 'p' };

describe('the connection and the client', () => {
  it('createEcsConnection and createEcsClient take the same options', () => {
    expectTypeOf(createEcsConnection).parameters.toEqualTypeOf<Parameters<typeof createEcsClient>>();
    expectTypeOf(createEcsConnection(options)).toEqualTypeOf<EcsConnection>();
    // @ts-expect-error a misspelt option does not compile
    createEcsConnection({ ...options, timout: 1000 });
  });

  it('a client is a connection: every operation takes it', () => {
    expectTypeOf(client).toMatchTypeOf<EcsConnection>();
    expectTypeOf(getServer(client, 'id')).resolves.toEqualTypeOf<Server>();
    expectTypeOf(resize(client, 'id', 'flavor')).resolves.toEqualTypeOf<ResizeResult>();
  });

  it('a connection is not a client: it has no methods', () => {
    expectTypeOf(ecs).not.toMatchTypeOf<EcsClient>();
    // @ts-expect-error a connection carries no operation
    void ecs.resize;
  });

  it('a connection says the kind of auth, never the credentials', () => {
    expectTypeOf(ecs.auth).toEqualTypeOf<'token' | 'aksk' | undefined>();
    expectTypeOf(ecs.transport.secrets).returns.toEqualTypeOf<readonly string[]>();
    // @ts-expect-error the fields are read-only
    ecs.projectId = 'other';
  });

  it('each client method is its operation with the connection bound', () => {
    expectTypeOf(client.resize).parameters.toEqualTypeOf<
      Parameters<typeof resize> extends [EcsConnection, ...infer Rest] ? Rest : never
    >();
    expectTypeOf(client.waitForJob).returns.toEqualTypeOf<Promise<Job>>();
    expectTypeOf(client.collectFacts).returns.toEqualTypeOf<Promise<ResizeFacts>>();
  });
});

describe('the operations’ options', () => {
  it('reject a misspelt key', () => {
    // @ts-expect-error `preflght` is not an option of resize
    void resize(ecs, 'id', 'flavor', { preflght: preflight });
    // @ts-expect-error `intervall` is not an option of waitForJob
    void waitForJob(ecs, 'job', { intervall: 10 });
    // @ts-expect-error `confirmation` (singular) is not an option of collectFacts
    void collectFacts(ecs, 'id', 'flavor', { confirmation: {} });
  });

  it('reject a bad mode and a non-boolean confirmation', () => {
    // @ts-expect-error the only mode is withStopServer
    void resize(ecs, 'id', 'flavor', { mode: 'stop' });
    // @ts-expect-error a confirmation is a boolean
    void check(ecs, 'id', 'flavor', { preflight, confirmations: { xenToKvmDrivers: 'yes' } });
  });

  it('check and checkTargets need a preflight', () => {
    // @ts-expect-error check without a preflight does not compile
    void check(ecs, 'id', 'flavor', {});
    // @ts-expect-error checkTargets without options does not compile
    void checkTargets(ecs, 'id');
  });
});

describe('check and checkTargets', () => {
  it('give the report type of the preflight they were given', () => {
    interface RichReport extends PreflightReport {
      errorCount: number;
    }
    const rich: Preflight<RichReport> = { check: () => ({ ok: true, findings: [], errorCount: 0 }) };
    expectTypeOf(check(ecs, 'id', 'flavor', { preflight: rich })).resolves.toEqualTypeOf<CheckResult<RichReport>>();
    expectTypeOf(check(ecs, 'id', 'flavor', { preflight: rich }))
      .resolves.toHaveProperty('facts')
      .toEqualTypeOf<ResizeFacts>();
    expectTypeOf(checkTargets(ecs, 'id', { preflight: rich })).resolves.toEqualTypeOf<TargetCheck<RichReport>[]>();
    expectTypeOf(client.check('id', 'flavor', { preflight: rich })).resolves.toEqualTypeOf<CheckResult<RichReport>>();
  });
});
