/** One thing wrong with the facts given to a check. */
export interface FactsIssue {
  /** Where, e.g. `server.disks.3.type`. */
  path: string;
  /** What is wrong. */
  message: string;
}

/**
 * The facts given to `engine.check` do not have the shape of `ResizeFacts`: nothing was
 * checked. `issues` lists each bad path.
 */
export class InvalidFactsError extends Error {
  override name = 'InvalidFactsError';
  /** Each bad path and what is wrong there. */
  readonly issues: readonly FactsIssue[];

  /** @param issues Each bad path and what is wrong there. */
  constructor(issues: readonly FactsIssue[]) {
    super(
      `Invalid resize facts: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}. ` +
        'Nothing was checked; fix the facts (see ResizeFacts) and check again.',
    );
    this.issues = issues;
  }
}
