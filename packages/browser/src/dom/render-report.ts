import type { Finding, Report } from '@ecs-resize/rules';
import { countOf } from '@ecs-resize/core';
import { visibleText } from './visible-text.js';

/** Options of {@link renderReport}. */
export interface RenderReportOptions {
  /** The document to create nodes in. @default element.ownerDocument */
  document?: Document | undefined;
  /** Text of the summary line, to translate. */
  labels?: Partial<ReportLabels> | undefined;
}

/** The words {@link renderReport} writes, to translate. */
export interface ReportLabels {
  blocked: (errors: number, warnings: number) => string;
  ready: (warnings: number) => string;
  error: string;
  warn: string;
  docs: string;
}

/** The default (English) words. */
const DEFAULT_LABELS: ReportLabels = {
  blocked: (errors, warnings) =>
    `Resize blocked: ${countOf(errors, 'error')}${warnings > 0 ? ` and ${countOf(warnings, 'warning')}` : ''}.`,
  ready: (warnings) =>
    warnings > 0 ? `Ready to resize, with ${countOf(warnings, 'warning')}.` : 'Ready to resize: no problem found.',
  error: 'Error',
  warn: 'Warning',
  docs: 'How to fix',
};

/** Only http(s) links are rendered: a `javascript:` docs URL is dropped. */
function safeLink(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** One finding as a list item: severity, message and docs link, all inserted as text. */
function findingItem(document: Document, finding: Finding, labels: ReportLabels): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'ecs-resize-finding';
  item.dataset['severity'] = finding.severity;
  item.dataset['ruleId'] = finding.ruleId;
  const severity = document.createElement('strong');
  severity.className = 'ecs-resize-severity';
  severity.textContent = `${finding.severity === 'error' ? labels.error : labels.warn}: `;
  const message = document.createElement('span');
  message.className = 'ecs-resize-message';
  message.textContent = visibleText(finding.message);
  item.append(severity, message);
  const href = safeLink(finding.docsUrl);
  if (href !== undefined) {
    const link = document.createElement('a');
    link.href = href;
    link.rel = 'noopener noreferrer';
    link.target = '_blank';
    link.textContent = labels.docs;
    link.setAttribute('aria-label', `${labels.docs}: ${finding.ruleId}`);
    item.append(' ', link);
  }
  return item;
}

/**
 * Renders a preflight report into `element`, replacing its content: a summary and one list
 * item per finding (severity, message, docs link). The container has `role="alert"` when the
 * resize is blocked, so screen readers announce it, and `role="status"` otherwise. Messages
 * and ids are inserted as text, never as HTML, so markup in a flavor id cannot inject, and
 * control and bidi characters in a message are written out (`\u{202e}`).
 *
 * @returns The rendered container.
 */
export function renderReport(report: Report, element: Element, options: RenderReportOptions = {}): HTMLElement {
  const document = options.document ?? element.ownerDocument;
  const labels = { ...DEFAULT_LABELS, ...options.labels };
  const container = document.createElement('div');
  container.className = 'ecs-resize-report';
  container.setAttribute('role', report.ok ? 'status' : 'alert');
  container.dataset['ok'] = String(report.ok);
  const summary = document.createElement('p');
  summary.className = 'ecs-resize-summary';
  summary.textContent = report.ok ? labels.ready(report.warningCount) : labels.blocked(report.errorCount, report.warningCount);
  container.append(summary);
  if (report.findings.length > 0) {
    const list = document.createElement('ul');
    list.append(...report.findings.map((finding) => findingItem(document, finding, labels)));
    container.append(list);
  }
  element.replaceChildren(container);
  return container;
}
