import type * as v from 'valibot';
import type { ResizeFacts } from './facts/facts-schema.js';

/** How much a finding matters: `error` blocks the resize, `warn` is reported only. */
export type Severity = 'error' | 'warn';

/** A severity in a config; `off` turns the rule off. */
export type SeverityOrOff = Severity | 'off';

/**
 * What a rule reports: a message id of its `meta.messages`, and the data for its placeholders.
 * `unverified: true` marks a report that says what could not be verified (a fact is unknown),
 * not what is wrong; the engine weighs it by the rule's `meta.refusal`.
 */
export interface RuleReport<TMessageId extends string = string> {
  messageId: TMessageId;
  data?: Readonly<Record<string, string | number>> | undefined;
  /** The report says a fact is unknown, not that the resize is wrong. */
  unverified?: boolean | undefined;
}

/** What a rule is told besides the facts. */
export interface RuleContext<TOptions = unknown> {
  /** The rule's id as configured, e.g. `server-stopped` or `acme/no-downsize`. */
  id: string;
  /** The rule's options: the config's, validated by `meta.schema`, else `meta.defaultOptions`. */
  options: TOptions;
}

/**
 * When the cloud refuses the resize a rule prevents: `at-once` (the resize request gets an
 * error and nothing happens) or `late` (the job fails after minutes, the server was stopped
 * for nothing, or the guest may not boot).
 */
export type Refusal = 'at-once' | 'late';

/**
 * What an operator may attest for a rule, because the API cannot tell (e.g. guest drivers).
 * Tools derive their confirmation flags and checkboxes from the active rules' declarations.
 */
export interface RuleConfirmation {
  /** The key in `facts.confirmations`, camelCase, e.g. `xenToKvmDrivers`. */
  key: string;
  /** The kebab-case name for command lines and forms, e.g. `xen-to-kvm-drivers`. */
  name: string;
  /** What the operator attests, in plain words, e.g. "The KVM guest drivers are installed". */
  label: string;
}

/** A rule's description of itself. */
export interface RuleMeta<TOptions = unknown, TMessageId extends string = string> {
  /** `problem`: the resize would fail or harm; `suggestion`: it would work, but could be better. */
  type: 'problem' | 'suggestion';
  docs: {
    /** One sentence: what the rule checks. */
    description: string;
    /** Where the rule is documented. */
    url: string;
    /** Whether `recommended` turns it on. */
    recommended: boolean;
  };
  /** Message templates by message id, with `{{placeholders}}`: what is wrong and what to do. */
  messages: Readonly<Record<TMessageId, string>>;
  /**
   * When the cloud refuses what the rule prevents. It decides how an `unverified` report
   * counts: `at-once` makes it a warning (at worst the request is refused and nothing
   * happens), `late` keeps the configured severity (unknown is never safe where it is costly).
   * @default 'late'
   */
  refusal?: Refusal | undefined;
  /** The cloud error codes the rule prevents, e.g. `['Ecs.0030']`; empty when none is documented. */
  errorCodes?: readonly string[] | undefined;
  /** What the operator may attest to satisfy the rule. */
  confirmation?: RuleConfirmation | undefined;
  /** A valibot schema for the rule's options; a rule without it takes none. */
  schema?: v.GenericSchema<unknown, TOptions> | undefined;
  /** The options when the config gives none. */
  defaultOptions?: TOptions | undefined;
}

/**
 * A rule: pure (no I/O, no clock), it never knows its own severity. `check` returns what is
 * wrong, `[]` when nothing is.
 */
export interface Rule<TOptions = unknown, TMessageId extends string = string> {
  meta: RuleMeta<TOptions, TMessageId>;
  check(
    facts: ResizeFacts,
    context: RuleContext<TOptions>,
  ): readonly RuleReport<NoInfer<TMessageId>>[] | Promise<readonly RuleReport<NoInfer<TMessageId>>[]>;
}

/** A rule's entry in a config: a severity, or a severity and the rule's options. */
export type RuleEntry = SeverityOrOff | readonly [SeverityOrOff, unknown];

/** Which rules run, at which severity, with which options. A rule not listed is off. */
export interface RuleConfig {
  rules: Readonly<Record<string, RuleEntry>>;
}

/** What the engine reports for one rule report. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  messageId: string;
  /**
   * The message with its placeholders filled. The engine formats it when it is read (an own
   * enumerable getter, so `JSON.stringify` and spreading include it); it cannot be assigned.
   */
  readonly message: string;
  data?: Readonly<Record<string, string | number>> | undefined;
  /** The rule's documentation. */
  docsUrl?: string | undefined;
  /** The finding says a fact is unknown, not that the resize is wrong (see `RuleMeta.refusal`). */
  unverified?: true | undefined;
  /** For a rule that threw: what it threw. */
  cause?: unknown;
}

/** The result of a check: `ok` is false when any finding is an error. */
export interface Report {
  ok: boolean;
  errorCount: number;
  warningCount: number;
  findings: Finding[];
}

/** A third-party plugin, shaped like an ESLint plugin; its rules get ids `namespace/name`. */
export interface Plugin {
  meta: {
    name: string;
    version?: string | undefined;
    /** The prefix of its rule ids. @default meta.name */
    namespace?: string | undefined;
  };
  /** Rules by name, without the namespace. */
  rules: Readonly<Record<string, Rule<unknown>>>;
  /** Configs, with namespaced ids, e.g. `configs.recommended`. */
  configs?: Readonly<Record<string, RuleConfig>> | undefined;
}
