import type { PreflightReport } from '../preflight/preflight.js';
import { EcsError } from './EcsError.js';

/** The preflight checks found errors: the resize was not sent. `report` has every finding. */
export class PreflightError extends EcsError {
  override name = 'PreflightError';
  /** The preflight's report. */
  readonly report: PreflightReport;

  /**
   * @param serverId The server that was to be resized.
   * @param flavorRef The target flavor.
   * @param report The report with at least one error.
   */
  constructor(serverId: string, flavorRef: string, report: PreflightReport) {
    const errors = report.findings.filter((finding) => finding.severity === 'error');
    const list = errors.map((finding) => `[${finding.ruleId}] ${finding.message}`).join(' ');
    super(`Preflight blocked the resize of server ${serverId} to ${flavorRef}; nothing was sent. ${list}`);
    this.report = report;
  }
}
