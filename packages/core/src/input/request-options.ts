import * as v from 'valibot';

/** An AbortSignal, recognised by shape so that one from another realm (an iframe) passes too. */
export const SignalSchema = v.custom<AbortSignal>(
  (value) =>
    typeof value === 'object' &&
    value !== null &&
    typeof (value as AbortSignal).aborted === 'boolean' &&
    typeof (value as AbortSignal).addEventListener === 'function',
  'must be an AbortSignal',
);

/** The option every call takes, to spread into a call's own options schema. */
export const requestOptionsEntries = { signal: v.optional(SignalSchema) };

/**
 * The options of a call that takes only `signal`; absent means `{}`. Unknown keys are refused,
 * so a misspelt option is an error instead of being ignored.
 */
export const RequestOptionsSchema = v.optional(
  v.strictObject(requestOptionsEntries, 'must be { signal? }: check the option names'),
  {},
);

/** The options every call accepts. */
export interface RequestOptions {
  /** Aborts the call (and its retries); the call then rejects with the signal's reason. */
  signal?: AbortSignal | undefined;
}
