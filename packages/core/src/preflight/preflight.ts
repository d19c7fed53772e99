import type { ResizeFacts } from '@ecs-resize/rules';
import * as v from 'valibot';

/** One finding of a preflight report (a `@ecs-resize/rules` finding fits). */
export interface PreflightFinding {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  messageId?: string | undefined;
}

/** A preflight report (a `@ecs-resize/rules` report fits): `ok` false blocks the resize. */
export interface PreflightReport {
  ok: boolean;
  findings: readonly PreflightFinding[];
}

/**
 * Anything that checks resize facts before a resize is sent: the port core owns and
 * `@ecs-resize/rules`' engine implements (`createRuleEngine()`), so that core never loads the
 * rules itself.
 */
export interface Preflight {
  check(facts: ResizeFacts): PreflightReport | Promise<PreflightReport>;
}

/** Something with a `check(facts)` method. */
export const PreflightSchema = v.custom<Preflight>(
  (value) => typeof (value as Preflight | undefined)?.check === 'function',
  'must have a check(facts) method, e.g. createRuleEngine() from @ecs-resize/rules',
);
