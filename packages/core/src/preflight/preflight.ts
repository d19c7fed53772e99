import type { EngineCheckOptions, ResizeFacts } from '@ecs-resize/rules';
import * as v from 'valibot';

/** One finding of a preflight report (a `@ecs-resize/rules` finding fits). */
export interface PreflightFinding {
  /** The rule that found it, e.g. `server-stopped`. */
  ruleId: string;
  /** `error` blocks the resize; `warn` does not. */
  severity: 'error' | 'warn';
  /** What is wrong and what to do. */
  message: string;
  /** The rule's id of the message, e.g. `notStopped`. */
  messageId?: string | undefined;
}

/** A preflight report (a `@ecs-resize/rules` report fits): `ok` false blocks the resize. */
export interface PreflightReport {
  /** True when no finding is an error. */
  ok: boolean;
  /** What the checks found. */
  findings: readonly PreflightFinding[];
}

/**
 * Anything that checks resize facts before a resize is sent: the port core owns and
 * `@ecs-resize/rules`' engine implements (`createRuleEngine()`), so that core never loads the
 * rules itself.
 */
export interface Preflight<TReport extends PreflightReport = PreflightReport> {
  /**
   * Checks the facts of one resize; a report with `ok` false blocks it. Core passes
   * `{ trusted: true }`: its facts are built by `collectFacts`, valid by construction, so the
   * rule engine need not validate them again. A preflight may ignore it.
   */
  check(facts: ResizeFacts, options?: EngineCheckOptions): TReport | Promise<TReport>;
}

/** Something with a `check(facts)` method. */
export const PreflightSchema = v.custom<Preflight>(
  (value) => typeof (value as Preflight | undefined)?.check === 'function',
  'must have a check(facts) method, e.g. createRuleEngine() from @ecs-resize/rules',
);
