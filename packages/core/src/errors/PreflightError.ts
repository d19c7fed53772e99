import type { PreflightReport } from '../preflight/preflight.js';
import { redactSecrets, redactSecretsDeep } from '../http/redact.js';
import { EcsError } from './EcsError.js';

/** The preflight checks found errors: the resize was not sent. `report` has every finding. */
export class PreflightError extends EcsError {
  override name = 'PreflightError';
  /** The preflight's report. */
  readonly report: PreflightReport;

  /**
   * @param serverId The server that was to be resized.
   * @param flavorRef The target flavor.
   * @param unmaskedReport The report with at least one error.
   * @param secrets Secrets to mask in the ids and the report (its messages quote facts read from the API).
   */
  constructor(serverId: string, flavorRef: string, unmaskedReport: PreflightReport, secrets: readonly string[] = []) {
    const report = redactSecretsDeep(unmaskedReport, secrets);
    const errors = report.findings.filter((finding) => finding.severity === 'error');
    const list = errors.map((finding) => `[${finding.ruleId}] ${finding.message}`).join(' ');
    const [server, flavor] = [redactSecrets(serverId, secrets), redactSecrets(flavorRef, secrets)];
    super(`Preflight blocked the resize of server ${server} to ${flavor}; nothing was sent. ${list}`);
    this.report = report;
  }
}
