import type * as v from 'valibot';
import type { ResizeFacts } from './facts/facts-schema.js';

/** How much a finding matters: `error` blocks the resize, `warn` is reported only. */
export type Severity = 'error' | 'warn';

/** A severity in a config; `off` turns the rule off. */
export type SeverityOrOff = Severity | 'off';

/** What a rule reports: a message id of its `meta.messages`, and the data for its placeholders. */
export interface RuleReport {
  messageId: string;
  data?: Readonly<Record<string, string | number>> | undefined;
}

/** What a rule is told besides the facts. */
export interface RuleContext<TOptions = unknown> {
  /** The rule's id as configured, e.g. `server-stopped` or `acme/no-downsize`. */
  id: string;
  /** The rule's options: the config's, validated by `meta.schema`, else `meta.defaultOptions`. */
  options: TOptions;
}

/** A rule's description of itself. */
export interface RuleMeta<TOptions = unknown> {
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
  messages: Readonly<Record<string, string>>;
  /** A valibot schema for the rule's options; a rule without it takes none. */
  schema?: v.GenericSchema<unknown, TOptions> | undefined;
  /** The options when the config gives none. */
  defaultOptions?: TOptions | undefined;
}

/**
 * A rule: pure (no I/O, no clock), it never knows its own severity. `check` returns what is
 * wrong, `[]` when nothing is.
 */
export interface Rule<TOptions = unknown> {
  meta: RuleMeta<TOptions>;
  check(facts: ResizeFacts, context: RuleContext<TOptions>): readonly RuleReport[] | Promise<readonly RuleReport[]>;
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
  /** The message with its placeholders filled. */
  message: string;
  data?: Readonly<Record<string, string | number>> | undefined;
  /** The rule's documentation. */
  docsUrl?: string | undefined;
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
