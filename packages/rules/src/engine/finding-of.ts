import type { Finding, RuleReport, Severity } from '../types.js';
import { formatMessage } from './format-message.js';

/**
 * A finding whose `message` is formatted from its template when it is read, not when the
 * finding is made: a fleet's findings are mostly counted, few are shown. `message` is still an
 * own enumerable property (an accessor), so that `JSON.stringify`, spreading, `Object.keys` and
 * `structuredClone` see it as a plain property; the template stays private.
 */
class LazyFinding implements Finding {
  // Declared, not defined: the constructor sets each key in the order findings always had.
  declare readonly ruleId: string;
  declare readonly severity: Severity;
  declare readonly messageId: string;
  declare readonly message: string;
  declare readonly data?: Readonly<Record<string, string | number>>;
  declare readonly docsUrl: string;
  declare readonly unverified?: true;
  readonly #template: string;

  /** The accessor every finding shares: one function, not a closure per finding. */
  static readonly #message: PropertyDescriptor = {
    get(this: LazyFinding) {
      return formatMessage(this.#template, this.data);
    },
    enumerable: true,
  };

  constructor(ruleId: string, severity: Severity, report: RuleReport, template: string, docsUrl: string) {
    this.ruleId = ruleId;
    this.severity = severity;
    this.messageId = report.messageId;
    Object.defineProperty(this, 'message', LazyFinding.#message);
    // Absent keys are not set at all, as before.
    if (report.data !== undefined) this.data = report.data;
    this.docsUrl = docsUrl;
    if (report.unverified === true) this.unverified = true;
    this.#template = template;
  }
}

/** The finding of one rule report, its message formatted when read (see {@link LazyFinding}). */
export function findingOf(ruleId: string, severity: Severity, report: RuleReport, template: string, docsUrl: string): Finding {
  return new LazyFinding(ruleId, severity, report, template, docsUrl);
}
