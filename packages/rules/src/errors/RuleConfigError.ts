/**
 * A rule engine was set up wrong: an unknown rule id or severity, options a rule's schema
 * refuses, a third-party rule without a namespace. `problems` lists each one.
 */
export class RuleConfigError extends Error {
  override name = 'RuleConfigError';
  /** Each problem, as `where: what` text. */
  readonly problems: readonly string[];

  /** @param problems Each problem, as `where: what` text. */
  constructor(problems: readonly string[]) {
    super(`Invalid rule configuration: ${problems.join('; ')}.`);
    this.problems = problems;
  }
}
