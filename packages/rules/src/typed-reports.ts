import type { ResizeFacts } from './facts/facts-schema.js';
import type { RuleContext, RuleMeta } from './types.js';

/** A rule's message templates by message id (`meta.messages`). */
export type MessageTemplates = Readonly<Record<string, string>>;

/** `text` without the spaces at either end: `{{ name }}` is the placeholder `name`, as the engine reads it. */
type Trimmed<TText extends string> = TText extends ` ${infer Rest}`
  ? Trimmed<Rest>
  : TText extends `${infer Rest} `
    ? Trimmed<Rest>
    : TText;

/**
 * The `{{placeholder}}` names of a message template, e.g. `'serverId' | 'to'` for
 * `'Server {{serverId}} cannot change to {{ to }}.'`; `never` for a template without any.
 */
export type PlaceholdersOf<TTemplate extends string> = TTemplate extends `${string}{{${infer Name}}}${infer Rest}`
  ? Trimmed<Name> | PlaceholdersOf<Rest>
  : never;

/**
 * One report of a rule with these messages: per message id, `data` with exactly the values of
 * its message's placeholders (none, or `undefined`, for a message without any). Messages typed
 * `string` (type arguments given by hand) take any data.
 */
export type TypedRuleReport<TMessages extends MessageTemplates> = {
  [Id in keyof TMessages & string]: string extends TMessages[Id]
    ? { messageId: Id; data?: Readonly<Record<string, string | number>> | undefined; unverified?: boolean | undefined }
    : [PlaceholdersOf<TMessages[Id]>] extends [never]
      ? { messageId: Id; data?: undefined; unverified?: boolean | undefined }
      : {
          messageId: Id;
          data: { readonly [Name in PlaceholdersOf<TMessages[Id]>]: string | number };
          unverified?: boolean | undefined;
        };
}[keyof TMessages & string];

/** What `check` of a rule with these messages returns, or resolves to. */
export type TypedRuleReports<TMessages extends MessageTemplates> =
  readonly TypedRuleReport<TMessages>[] | Promise<readonly TypedRuleReport<TMessages>[]>;

/** The keys of a report's `data` that its message has no placeholder for (distributes over a union of reports). */
type ExtraDataKeys<TReport, TMessages extends MessageTemplates> = TReport extends {
  messageId: infer Id extends keyof TMessages & string;
  data?: infer Data;
}
  ? string extends TMessages[Id]
    ? never
    : Data extends object
      ? Exclude<keyof Data, PlaceholdersOf<TMessages[Id]>>
      : never
  : never;

/** The reports a `check` returns or resolves to, as one union. */
type ReportIn<TReports> = Awaited<TReports> extends readonly (infer Report)[] ? Report : never;

/**
 * `unknown` when no report of `check` passes data its message has no placeholder for; else a
 * property the rule does not have, so that it does not compile, and the error names the keys.
 * (The report type alone lets extra keys through: a `check`'s return is inferred, then
 * compared, and a returned object is not checked for excess keys.)
 */
export type NoExtraData<TReports, TMessages extends MessageTemplates> = [ExtraDataKeys<ReportIn<TReports>, TMessages>] extends [
  never,
]
  ? unknown
  : { 'data has keys that its message has no placeholder for': ExtraDataKeys<ReportIn<TReports>, TMessages> };

/**
 * A rule as `defineRule` takes it: its message ids, and each report's `data`, typed against
 * `meta.messages`, so that a misspelt message id, or a placeholder missing from or added to a
 * report's data, does not compile.
 */
export interface RuleDefinition<
  TOptions,
  TMessages extends MessageTemplates,
  TReports extends TypedRuleReports<TMessages> = TypedRuleReports<TMessages>,
> {
  meta: Omit<RuleMeta<TOptions>, 'messages'> & { messages: TMessages };
  check(facts: ResizeFacts, context: RuleContext<TOptions>): TReports;
}
