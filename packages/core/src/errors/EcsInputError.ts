import { EcsError } from './EcsError.js';

/** One problem found in the input of a public function. */
export interface InputIssue {
  /** Where the problem is, e.g. `serverId`, `options.timeout`, `auth.secretKey`. */
  path: string;
  /** What is wrong and what is expected. Never contains a secret's value. */
  message: string;
}

/**
 * Bad input to a public function. It is thrown before anything is sent: no request was made.
 */
export class EcsInputError extends EcsError {
  override name = 'EcsInputError';
  /** Every problem found, in input order. */
  readonly issues: readonly InputIssue[];

  /**
   * @param operation The function that refused its input, e.g. `resize`.
   * @param issues What was wrong.
   */
  constructor(operation: string, issues: readonly InputIssue[]) {
    const list = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    super(`Invalid input to ${operation}(): ${list}. Nothing was sent; fix the input and call again.`);
    this.issues = issues;
  }
}
