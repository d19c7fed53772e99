import * as v from 'valibot';
import { EcsInputError, type InputIssue } from '../errors/EcsInputError.js';

/**
 * Input paths whose values may be secrets, so they never appear in an error: credentials
 * (a bare token given as `auth`, too) and endpoints (a URL can carry a password).
 */
const SECRET_PATH = /(^|\.)(auth|credentials|endpoint|evsEndpoint)(\.|$)|secret|token|password/i;

/** Turns a valibot issue into an {@link InputIssue} that names the field and never a secret. */
function toInputIssue(issue: v.BaseIssue<unknown>, root: string): InputIssue {
  const keys = issue.path?.map((item) => String(item.key)) ?? [];
  const path = [root, ...keys].filter(Boolean).join('.') || 'input';
  if (issue.type === 'strict_object' && issue.expected === 'never') {
    return { path, message: 'is not a known option: check its spelling' };
  }
  // A string is never quoted back: it may be a secret in the wrong place (a token given as the
  // project id). Its length is told instead; other values are described by valibot.
  const described = typeof issue.input === 'string' ? `a string of ${issue.input.length} characters` : issue.received;
  const received = SECRET_PATH.test(path) ? '' : ` (got ${described})`;
  return { path, message: `${issue.message}${received}` };
}

/**
 * Validates `input` against `schema` and returns the parsed output, or throws an
 * {@link EcsInputError} naming `operation` and every bad field (under the name `root`).
 * @internal
 */
export function parseInput<const TSchema extends v.GenericSchema>(
  operation: string,
  root: string,
  schema: TSchema,
  input: unknown,
): v.InferOutput<TSchema> {
  const result = v.safeParse(schema, input, { abortPipeEarly: true });
  if (result.success) return result.output;
  throw new EcsInputError(
    operation,
    result.issues.map((issue) => toInputIssue(issue, root)),
  );
}
